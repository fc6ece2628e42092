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
import { CONSOLE_HEADER, SESSION_COOKIE } from './session-cookie';
import { UserSessionCache } from './user-session-cache';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Clocks of the API processes may differ a little; a token issued further ahead is refused. */
const ALLOWED_CLOCK_SKEW_SECONDS = 60;

const NOT_VALID = 'The access token is not valid';
/** Methods that change nothing: a cookie alone may carry them. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface GuardedRequest {
  method: string;
  headers: Record<string, string | undefined>;
  cookies?: Record<string, string | undefined>;
  user?: AuthUser;
}
const SESSION_ENDED = 'Your session has ended: sign in again';

/**
 * Every route needs a valid bearer token (or the console's session cookie) unless marked @Public(); @Roles() narrows who may call.
 * The token only says which user and which session: role, department and whether the user may
 * sign in at all are read from PostgreSQL on every request (UserSessionCache), so disabling,
 * re-roling, moving and "sign out everywhere" take effect on the user's next request.
 * 401: no token, a malformed, forged, expired or endless one, or one whose session has ended
 * (user gone or disabled, session version raised). 403: a role that may not act here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly sessions: UserSessionCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const token = this.tokenOf(request);
    const claims = await this.verify(token);
    const user = await this.sessions.get(claims.sub);
    if (!user || !user.active || user.sessionVersion !== claims.ver) {
      throw new UnauthorizedException(SESSION_ENDED);
    }
    request.user = {
      id: user.id,
      username: user.username,
      role: user.role,
      departmentId: user.departmentId,
    };
    const allowed = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (allowed && !allowed.includes(user.role)) {
      throw new ForbiddenException(
        `This action is for ${allowed.join(', ')} users; you are signed in as ${user.role}`,
      );
    }
    return true;
  }

  /**
   * The bearer token, else the console's session cookie. A write carried by the cookie must
   * also carry the console's header, which a page on another site cannot set on a request here
   * (defence in depth beside SameSite=Strict).
   */
  private tokenOf(request: GuardedRequest): string {
    const [scheme, bearer] = (request.headers.authorization ?? '').split(' ');
    if (scheme === 'Bearer' && bearer) {
      return bearer;
    }
    const cookie = request.cookies?.[SESSION_COOKIE];
    if (!cookie) {
      throw new UnauthorizedException(
        'Sign in first: send the access token as "Authorization: Bearer <token>"',
      );
    }
    if (!SAFE_METHODS.has(request.method) && request.headers[CONSOLE_HEADER] !== '1') {
      throw new ForbiddenException(
        `A change made with the session cookie must carry the ${CONSOLE_HEADER}: 1 header`,
      );
    }
    return cookie;
  }

  /** The claims of a token this API signed, that expires, and was not issued in the future. */
  private async verify(token: string): Promise<AccessTokenClaims & { exp: number }> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new UnauthorizedException(
        expired ? 'The access token has expired: sign in again' : NOT_VALID,
      );
    }
    const now = Date.now() / 1000;
    // A token without `exp` would be valid forever; every token this API signs has one.
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') {
      throw new UnauthorizedException(NOT_VALID);
    }
    if (claims.iat > now + ALLOWED_CLOCK_SKEW_SECONDS) {
      throw new UnauthorizedException(NOT_VALID);
    }
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub) || !Number.isInteger(claims.ver)) {
      throw new UnauthorizedException(NOT_VALID);
    }
    return { ...claims, exp: claims.exp };
  }
}
