import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, OFFICE_ROLES, Roles } from '../auth/auth.decorators';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto, UserDto } from './users.dto';
import { UsersService } from './users.service';

const userId = new ParseUUIDPipe();

/**
 * The office's user administration. Only admins change users: a supervisor may not reset
 * passwords, since resetting an admin's (or another supervisor's) password and signing in with
 * it would make any supervisor an admin; a supervisor asks an admin instead.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Create a user (admin only); department users are bound to one department',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'User name taken' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, body);
  }

  @Get()
  @Roles(...OFFICE_ROLES)
  @ApiOperation({ summary: 'List users' })
  @ApiOkResponse({ type: [UserDto] })
  list(): Promise<UserDto[]> {
    return this.users.list();
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary:
      "Change a user's display name, role or department (admin); a new role or department ends the user's sessions",
  })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'No such user or department' })
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', userId) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return this.users.update(actor, id, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Disable a user (admin): sign-in refused, sessions end at once' })
  @ApiOkResponse({ type: UserDto })
  disable(@CurrentUser() actor: AuthUser, @Param('id', userId) id: string): Promise<UserDto> {
    return this.users.setActive(actor, id, false);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Enable a disabled user again (admin)' })
  @ApiOkResponse({ type: UserDto })
  enable(@CurrentUser() actor: AuthUser, @Param('id', userId) id: string): Promise<UserDto> {
    return this.users.setActive(actor, id, true);
  }

  @Post(':id/password')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: "Reset a user's password (admin): the user's sessions end, the account is unlocked",
  })
  @ApiOkResponse({ type: UserDto })
  resetPassword(
    @CurrentUser() actor: AuthUser,
    @Param('id', userId) id: string,
    @Body() body: ResetPasswordDto,
  ): Promise<UserDto> {
    return this.users.resetPassword(actor, id, body.newPassword);
  }

  @Post(':id/sign-out-everywhere')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'End every session of a user (admin): their tokens stop working' })
  @ApiOkResponse({ type: UserDto })
  signOutEverywhere(
    @CurrentUser() actor: AuthUser,
    @Param('id', userId) id: string,
  ): Promise<UserDto> {
    return this.users.signOutEverywhere(actor, id);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Lift the lock that failed sign-ins put on an account (admin)' })
  @ApiOkResponse({ type: UserDto })
  unlock(@CurrentUser() actor: AuthUser, @Param('id', userId) id: string): Promise<UserDto> {
    return this.users.unlock(actor, id);
  }
}
