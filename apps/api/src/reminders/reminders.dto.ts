import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  DELIVERY_STATES,
  type DeliveryState,
  REMINDER_STATES,
  type ReminderState,
} from '@duban/db';

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
  @ApiPropertyOptional({ example: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class DeliveryQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATES, example: 'failed' })
  @IsOptional()
  @IsIn(DELIVERY_STATES)
  state?: DeliveryState;
  @ApiPropertyOptional() @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() taskId?: string;
  @ApiPropertyOptional({ example: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
