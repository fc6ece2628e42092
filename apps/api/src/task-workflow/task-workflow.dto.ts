import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';
import { QUALITY_RATINGS } from '@duban/db';
import type { QualityRating } from '@duban/contracts';
import { IsCalendarDate, IsMultiLineText } from '../common/input-rules';

/** A task has a handful of quantitative targets; a report may value at most this many. */
export const MAX_INDICATORS = 50;

/** Whether `value` maps at most MAX_INDICATORS short one-line names to finite numbers. */
export function isIndicatorMap(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  const entries = Object.entries(value);
  return (
    entries.length <= MAX_INDICATORS &&
    entries.every(
      ([name, number]) =>
        name.length >= 1 &&
        name.length <= 200 &&
        // eslint-disable-next-line no-control-regex
        !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(name) &&
        typeof number === 'number' &&
        Number.isFinite(number),
    )
  );
}

export class ProgressReportDto {
  @ApiProperty({ example: '已完成项目选址,正在开展可行性研究。' })
  @IsString()
  @IsMultiLineText()
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
  @ValidateBy({
    name: 'isIndicatorMap',
    validator: {
      validate: isIndicatorMap,
      defaultMessage: () =>
        `indicatorValues must map at most ${MAX_INDICATORS} indicator names (one line, up to 200 characters) to numbers`,
    },
  })
  indicatorValues?: Record<string, number>;
}

export class DeclareCompletionDto {
  @ApiProperty({ example: '项目已建成投产,验收报告见附件。' })
  @IsString()
  @IsMultiLineText()
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
  @IsMultiLineText()
  @Length(1, 2000)
  reason!: string;
}

export class RequestExtensionDto {
  @ApiProperty({ example: '2027-03-31' })
  @IsCalendarDate()
  requestedDeadline!: string;

  @ApiProperty({ example: '受用地审批影响,工期顺延。' })
  @IsString()
  @IsMultiLineText()
  @Length(1, 2000)
  reason!: string;

  @ApiProperty({ example: '主体工程已完成70%。' })
  @IsString()
  @IsMultiLineText()
  @Length(1, 2000)
  progress!: string;
}

export class DecideExtensionDto {
  @ApiPropertyOptional({ example: '同意延期至2027年3月底。' })
  @IsOptional()
  @IsString()
  @IsMultiLineText()
  @Length(1, 2000)
  note?: string;
}

/** What each workflow step answers, so the console's client types them. */
export class AcknowledgedDto {
  @ApiProperty({ example: '2026-03-02T01:00:00.000Z' }) acknowledgedAt!: string;
}

export class ProgressReportedDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '2026-11' }) period!: string;
  @ApiProperty({ enum: ['on_time', 'late'] }) state!: 'on_time' | 'late';
  @ApiProperty({ example: 40 }) percent!: number;
}

export class CompletionDeclaredDto {
  @ApiProperty() completionId!: string;
  @ApiProperty({ enum: ['completion_pending'] }) status!: 'completion_pending';
}

export class CompletionDecidedDto {
  @ApiProperty({ enum: ['completed', 'open'] }) status!: 'completed' | 'open';
  @ApiPropertyOptional({ enum: QUALITY_RATINGS }) rating?: QualityRating;
  @ApiPropertyOptional({ description: 'The 退办 reason' }) reason?: string;
}

export class ExtensionRequestedDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['pending'] }) state!: string;
}

export class ExtensionDecidedDto {
  @ApiProperty({ enum: ['approved', 'rejected'] }) state!: 'approved' | 'rejected';
  @ApiPropertyOptional({ example: '2027-03-31', description: 'The new deadline, when approved' })
  deadline?: string;
}
