import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../common/input-rules';

export const TRAFFIC_LIGHTS = ['red', 'yellow', 'green'] as const;
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];

export class BoardQueryDto {
  @ApiPropertyOptional({
    example: '2026-11-22',
    description: 'The board as of this date (Asia/Shanghai); today when absent',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ description: 'One department (department users: always their own)' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ description: 'One plan' })
  @IsOptional()
  @IsUUID()
  planId?: string;
}

export class BoardTasksQueryDto extends BoardQueryDto {
  @ApiPropertyOptional({ enum: TRAFFIC_LIGHTS, example: 'red' })
  @IsOptional()
  @IsIn(TRAFFIC_LIGHTS)
  light?: TrafficLight;

  @ApiPropertyOptional({ example: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
