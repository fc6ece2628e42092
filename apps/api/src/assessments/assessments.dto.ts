import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../common/input-rules';

export class RunAssessmentDto {
  @ApiPropertyOptional({
    description: 'Scoring date (YYYY-MM-DD, Asia/Shanghai); default today',
    example: '2026-01-15',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class RequestReportDto {
  @ApiProperty({ enum: ['xlsx', 'html'] })
  @IsIn(['xlsx', 'html'])
  format!: 'xlsx' | 'html';
}
