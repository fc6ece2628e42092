import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class RunAssessmentDto {
  @ApiPropertyOptional({
    description: 'Scoring date (YYYY-MM-DD, Asia/Shanghai); default today',
    example: '2026-01-15',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date (YYYY-MM-DD)' })
  asOf?: string;
}

export class RequestReportDto {
  @ApiProperty({ enum: ['xlsx', 'html'] })
  @IsIn(['xlsx', 'html'])
  format!: 'xlsx' | 'html';
}
