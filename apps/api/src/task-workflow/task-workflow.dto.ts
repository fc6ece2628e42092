import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { QUALITY_RATINGS } from '@duban/db';
import type { QualityRating } from '@duban/contracts';

export class ProgressReportDto {
  @ApiProperty({ example: '已完成项目选址,正在开展可行性研究。' })
  @IsString()
  @Length(1, 10_000)
  text!: string;

  @ApiProperty({ example: 40, minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  percent!: number;

  @ApiPropertyOptional({
    example: '2026-11',
    description: 'Reporting month (YYYY-MM); this month when absent',
  })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a month like 2026-11' })
  period?: string;

  @ApiPropertyOptional({
    example: { 工业总产值: 45.5 },
    description: 'Values against the task targets, by indicator',
  })
  @IsOptional()
  @IsObject()
  indicatorValues?: Record<string, number>;
}

export class DeclareCompletionDto {
  @ApiProperty({ example: '项目已建成投产,验收报告见附件。' })
  @IsString()
  @Length(1, 10_000)
  evidence!: string;
}

export class ApproveCompletionDto {
  @ApiProperty({
    enum: QUALITY_RATINGS,
    example: 'excellent',
    description: '优 excellent / 良 good / 中 fair / 差 poor',
  })
  @IsIn(QUALITY_RATINGS)
  rating!: QualityRating;
}

export class ReturnCompletionDto {
  @ApiProperty({ example: '佐证材料不全,请补充验收报告。' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class RequestExtensionDto {
  @ApiProperty({ example: '2027-03-31' })
  @IsISO8601({ strict: true })
  requestedDeadline!: string;

  @ApiProperty({ example: '受用地审批影响,工期顺延。' })
  @IsString()
  @Length(1, 2000)
  reason!: string;

  @ApiProperty({ example: '主体工程已完成70%。' })
  @IsString()
  @Length(1, 2000)
  progress!: string;
}

export class DecideExtensionDto {
  @ApiPropertyOptional({ example: '同意延期至2027年3月底。' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}
