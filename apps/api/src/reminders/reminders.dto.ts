import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  DELIVERY_STATES,
  type DeliveryState,
  REMINDER_KINDS,
  REMINDER_STATES,
  type ReminderKind,
  type ReminderState,
} from '@duban/db';
import { QueryLimit } from '../common/query-limit';

export class ReminderQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() taskId?: string;
  @ApiPropertyOptional({ description: 'Department users: always their own' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
  @ApiPropertyOptional({ enum: REMINDER_STATES, example: 'failed' })
  @IsOptional()
  @IsIn(REMINDER_STATES)
  state?: ReminderState;
  @QueryLimit()
  limit?: number;
}

export class DeliveryQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATES, example: 'failed' })
  @IsOptional()
  @IsIn(DELIVERY_STATES)
  state?: DeliveryState;
  @ApiPropertyOptional() @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() taskId?: string;
  @QueryLimit()
  limit?: number;
}

/** A reminder or 督办 notice with its latest mail (the office's list). */
export class ReminderDto {
  @ApiProperty() id!: string;
  @ApiProperty() taskId!: string;
  @ApiProperty({ example: '建设孵化器' }) taskTitle!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty({ example: '市科技局' }) departmentName!: string;
  @ApiProperty({ enum: REMINDER_KINDS, example: 'notice_orange' }) kind!: ReminderKind;
  @ApiProperty({ type: String, format: 'date-time' }) fireAt!: Date;
  @ApiProperty({ enum: REMINDER_STATES, example: 'failed' }) state!: ReminderState;
  @ApiProperty({ description: 'Fired by a calendar whose holidays were not published yet' })
  provisional!: boolean;
  @ApiProperty({ nullable: true, type: String, example: '督办〔2026〕1号' })
  noticeNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The latest mail carrying it' })
  deliveryId!: string | null;
  @ApiProperty({ nullable: true, enum: DELIVERY_STATES }) deliveryState!: DeliveryState | null;
  @ApiProperty({ nullable: true, type: String, example: '550 5.1.1 Mailbox does not exist' })
  lastError!: string | null;
}

/** One mail of the delivery log. */
export class DeliveryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '<4f1c…@duban>' }) messageId!: string;
  @ApiProperty({ nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '市科技局' })
  departmentName!: string | null;
  @ApiProperty({ type: [String] }) reminderIds!: string[];
  @ApiProperty({ type: [String], example: ['kjj@example.gov.cn'] }) recipients!: string[];
  @ApiProperty({ type: [String] }) cc!: string[];
  @ApiProperty({ example: '【督办〔2026〕1号】蓝色提醒' }) subject!: string;
  @ApiProperty({ enum: DELIVERY_STATES, example: 'failed' }) state!: DeliveryState;
  @ApiProperty({ example: 1 }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, example: '550 5.1.1 Mailbox does not exist' })
  lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class ReminderResentDto {
  @ApiProperty() reminderId!: string;
  @ApiProperty({ description: 'The failed mail put back on the queue' }) deliveryId!: string;
}
