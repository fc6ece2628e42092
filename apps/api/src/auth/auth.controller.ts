import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { DubanConfig } from '@duban/config';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';
import { CurrentUser, Public } from './auth.decorators';
import { AuthUserDto, LoginDto, LoginResponseDto, SessionResponseDto } from './auth.dto';
import { AuthService } from './auth.service';
import { LoginThrottledException } from './login-throttle';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: ConfigService<DubanConfig, true>,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: returns an access token for the Authorization header' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong user name or password' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed sign-ins for the user name or from the address (Retry-After)',
  })
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponseDto> {
    try {
      return await this.auth.login(body.username, body.password, request.ip);
    } catch (error) {
      if (error instanceof LoginThrottledException) {
        void reply.header('Retry-After', String(error.retryAfterSeconds));
      }
      throw error;
    }
  }

  @Public()
  @Post('session')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign in for the console: the session is an httpOnly SameSite=Strict cookie; writes it carries need the X-Duban-Console: 1 header',
  })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong user name or password' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed sign-ins for the user name or from the address (Retry-After)',
  })
  async startSession(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponseDto> {
    const signedIn = await this.login(body, request, reply);
    setSessionCookie(reply, signedIn.accessToken, signedIn.expiresIn, this.secureCookies());
    return { expiresIn: signedIn.expiresIn, user: signedIn.user };
  }

  @Public()
  @Delete('session')
  @HttpCode(204)
  @ApiOperation({ summary: "Sign out of the console: forgets this browser's session cookie" })
  endSession(@Res({ passthrough: true }) reply: FastifyReply): void {
    clearSessionCookie(reply, this.secureCookies());
  }

  private secureCookies(): boolean {
    return this.config.get('api', { infer: true }).secureCookies;
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user, as the server has them now' })
  @ApiOkResponse({ type: AuthUserDto })
  me(@CurrentUser() user: AuthUser): AuthUserDto {
    return user;
  }
}
