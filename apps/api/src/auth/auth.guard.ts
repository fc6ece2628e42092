import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { UserRole } from '@duban/db';
import type { AccessTokenClaims, AuthUser } from './auth-user';
import { IS_PUBLIC, ROLES } from './auth.decorators';

/**
 * Every route needs a valid bearer token unless marked @Public(); @Roles() narrows who may call.
 * 401: no token, a malformed, forged or expired one. 403: a role that may not act here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      return true;
    }
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthorizedException(
        'Sign in first: send the access token as "Authorization: Bearer <token>"',
      );
    }
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new UnauthorizedException(
        expired ? 'The access token has expired: sign in again' : 'The access token is not valid',
      );
    }
    request.user = {
      id: claims.sub,
      username: claims.username,
      role: claims.role,
      departmentId: claims.dept,
    };
    const allowed = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (allowed && !allowed.includes(claims.role)) {
      throw new ForbiddenException(
        `This action is for ${allowed.join(', ')} users; you are signed in as ${claims.role}`,
      );
    }
    return true;
  }
}
