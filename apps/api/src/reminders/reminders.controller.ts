import {
  ConflictException,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  DeliveryNotFoundError,
  DeliveryNotResendableError,
  MailDeliveriesService,
} from '@duban/mail';
import {
  ReminderNotFoundError,
  ReminderNotResendableError,
  ReminderOfficeService,
} from '@duban/reminders';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, OFFICE_ROLES, Roles } from '../auth/auth.decorators';
import {
  DeliveryDto,
  DeliveryQueryDto,
  ReminderDto,
  ReminderQueryDto,
  ReminderResentDto,
} from './reminders.dto';

/** Turns the office services' typed errors into 404 / 409. */
function httpError(error: unknown): unknown {
  if (error instanceof ReminderNotFoundError || error instanceof DeliveryNotFoundError) {
    return new NotFoundException(error.message);
  }
  if (error instanceof ReminderNotResendableError || error instanceof DeliveryNotResendableError) {
    return new ConflictException(error.message);
  }
  return error;
}

@ApiTags('reminders')
@ApiBearerAuth()
@Controller()
export class RemindersController {
  constructor(
    private readonly reminders: ReminderOfficeService,
    private readonly deliveries: MailDeliveriesService,
  ) {}

  @Get('reminders')
  @ApiOperation({
    summary:
      'Scheduled, sent and failed reminders and 督办 notices per task and department, with their latest mail',
  })
  @ApiOkResponse({ type: [ReminderDto] })
  listReminders(@CurrentUser() user: AuthUser, @Query() query: ReminderQueryDto) {
    const departmentId =
      user.role === 'department' ? (user.departmentId ?? undefined) : query.departmentId;
    return this.reminders.list({
      taskId: query.taskId,
      departmentId,
      states: query.state ? [query.state] : undefined,
      limit: query.limit,
    });
  }

  @Post('reminders/:id/resend')
  @Roles(...OFFICE_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed reminder again (its mail keeps its Message-ID)' })
  @ApiOkResponse({ type: ReminderResentDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Only a failed reminder can be resent' })
  async resendReminder(@Param('id', ParseUUIDPipe) id: string) {
    try {
      return await this.reminders.resend(id);
    } catch (error) {
      throw httpError(error);
    }
  }

  @Get('mail-deliveries')
  @Roles('admin', 'supervisor', 'leader')
  @ApiOperation({
    summary:
      'The delivery log: mails newest first, with state, attempts and the server reply of failures',
  })
  @ApiOkResponse({ type: [DeliveryDto] })
  listDeliveries(@Query() query: DeliveryQueryDto) {
    return this.deliveries.list(query);
  }

  @Post('mail-deliveries/:id/resend')
  @Roles(...OFFICE_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a failed mail back on the queue' })
  @ApiOkResponse({ type: DeliveryDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Only a failed mail can be resent' })
  async resendDelivery(@Param('id', ParseUUIDPipe) id: string) {
    try {
      return await this.deliveries.resend(id);
    } catch (error) {
      throw httpError(error);
    }
  }
}
