import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/auth.decorators';
import { LoginResponseDto } from '../auth/auth.dto';
import { ChangePasswordDto } from './users.dto';
import { UsersService } from './users.service';

/** What any signed-in user does to their own account (under /auth, beside sign-in). */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class OwnAccountController {
  constructor(private readonly users: UsersService) {}

  @Post('password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change your own password: every session ends, and a token for a new one is returned',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'The current password is wrong' })
  changePassword(
    @CurrentUser() actor: AuthUser,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
  ): Promise<LoginResponseDto> {
    return this.users.changeOwnPassword(actor, body.currentPassword, body.newPassword, request.ip);
  }

  @Post('sign-out-everywhere')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out everywhere: every token of yours stops working' })
  @ApiNoContentResponse()
  async signOutEverywhere(@CurrentUser() actor: AuthUser): Promise<void> {
    await this.users.signOutEverywhere(actor, actor.id);
  }
}
