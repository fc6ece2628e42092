import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASSESSMENT_REPORT_STATES,
  ASSESSMENT_RUN_STATES,
  type AssessmentReportState,
  type AssessmentRunState,
} from '@duban/db';

// Response shapes of the assessment routes, for the OpenAPI document (the console's typed client
// is generated from it). The services return plain objects of these shapes; the classes only
// describe them.

const STATUSES = ['assessed', 'not_assessed'];
const ROLES = ['lead', 'support'];
const RULES = [
  'on_time',
  'completed_late',
  'overdue_open',
  'late_report',
  'missed_report',
  'quality_excellent',
  'quality_good',
  'quality_fair',
  'quality_poor',
  'cap',
  'floor',
];

export class RunViewDto {
  @ApiProperty() runId!: string;
  @ApiProperty({ example: 2025 }) year!: number;
  @ApiProperty({ enum: ASSESSMENT_RUN_STATES }) state!: AssessmentRunState;
  @ApiProperty({ example: '2026-01-15' }) asOf!: string;
  @ApiProperty() schemeId!: string;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ type: String, nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) assessedCount!: number | null;
  @ApiProperty({ type: Number, nullable: true }) notAssessedCount!: number | null;
  @ApiProperty({ type: Number, nullable: true }) deltaCount!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}

export class RankingEntryDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Ties share a rank' })
  rank!: number | null;
  @ApiProperty() departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ enum: STATUSES }) status!: 'assessed' | 'not_assessed';
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: String, nullable: true }) notAssessedReason!: string | null;
}

export class StoredRankingDto {
  @ApiProperty() year!: number;
  @ApiProperty() runId!: string;
  @ApiProperty() asOf!: string;
  @ApiProperty({ example: 'points' }) method!: string;
  @ApiProperty() schemeId!: string;
  @ApiProperty({ example: 'config/assessment/2025.yaml' }) schemeSource!: string;
  @ApiProperty() computedAt!: string;
  @ApiProperty({ type: [RankingEntryDto] }) departments!: RankingEntryDto[];
}

export class ShareDetailDto {
  @ApiProperty() weight!: number;
  @ApiProperty() credit!: number;
  @ApiProperty() daysLate!: number;
}

export class DeltaViewDto {
  @ApiProperty({ type: String, nullable: true }) taskId!: string | null;
  @ApiProperty({ type: String, nullable: true }) eventId!: string | null;
  @ApiProperty({ enum: RULES }) rule!: string;
  @ApiProperty({ enum: ROLES, nullable: true }) role!: 'lead' | 'support' | null;
  @ApiProperty() points!: number;
  @ApiProperty() date!: string;
  @ApiProperty({ type: String, nullable: true }) deadline!: string | null;
  @ApiProperty({ type: String, nullable: true }) period!: string | null;
  @ApiProperty({ type: ShareDetailDto, nullable: true }) share!: ShareDetailDto | null;
}

export class TaskBreakdownDto {
  @ApiProperty() taskId!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true }) numberPath!: string | null;
  @ApiProperty({ description: 'Sum of the deltas' }) points!: number;
  @ApiProperty({ type: [DeltaViewDto] }) deltas!: DeltaViewDto[];
}

export class DepartmentBreakdownDto {
  @ApiProperty() year!: number;
  @ApiProperty() runId!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ enum: STATUSES }) status!: 'assessed' | 'not_assessed';
  @ApiProperty({ type: Number, nullable: true }) rank!: number | null;
  @ApiProperty({ type: Number, nullable: true }) base!: number | null;
  @ApiProperty({ type: Number, nullable: true }) rawScore!: number | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: String, nullable: true }) notAssessedReason!: string | null;
  @ApiProperty({ type: [TaskBreakdownDto] }) tasks!: TaskBreakdownDto[];
  @ApiProperty({ type: [DeltaViewDto], description: 'The cap or floor adjustment' })
  adjustments!: DeltaViewDto[];
}

export class TaskDeltaViewDto extends DeltaViewDto {
  @ApiProperty() departmentId!: string;
  @ApiProperty() departmentName!: string;
}

export class WhatIfEntryDto extends RankingEntryDto {
  @ApiProperty({ type: Number, nullable: true }) rankBefore!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Places gained (+) or lost (−); null when unranked on either side',
  })
  rankChange!: number | null;
  @ApiProperty({ type: Number, nullable: true }) scoreBefore!: number | null;
}

export class WhatIfResultDto {
  @ApiProperty() year!: number;
  @ApiProperty() asOf!: string;
  @ApiProperty() method!: string;
  @ApiProperty({ enum: ['stored-run', 'year-scheme'] }) comparedWith!: 'stored-run' | 'year-scheme';
  @ApiProperty({ type: [WhatIfEntryDto] }) departments!: WhatIfEntryDto[];
}

export class ReportViewDto {
  @ApiProperty() reportId!: string;
  @ApiProperty() runId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['xlsx', 'html'] }) format!: 'xlsx' | 'html';
  @ApiProperty({ enum: ASSESSMENT_REPORT_STATES }) state!: AssessmentReportState;
  @ApiProperty({ type: Number, nullable: true }) byteSize!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ type: String, nullable: true }) readyAt!: string | null;
}

// The scheme, as in config/assessment/<year>.yaml (field meanings in its README).

export class SchemeCountsDto {
  @ApiProperty() onTime!: boolean;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() lateReport!: boolean;
  @ApiProperty() missedReport!: boolean;
  @ApiProperty() quality!: boolean;
}

export class RolePointsDto {
  @ApiProperty() lead!: number;
  @ApiProperty() support!: number;
}

export class QualityRatingsDto {
  @ApiProperty() excellent!: number;
  @ApiProperty() good!: number;
  @ApiProperty() fair!: number;
  @ApiProperty() poor!: number;
}

export class QualityRuleDto {
  @ApiProperty({ enum: ROLES, isArray: true }) appliesTo!: ('lead' | 'support')[];
  @ApiProperty({ type: QualityRatingsDto }) ratings!: QualityRatingsDto;
}

export class PointsSectionDto {
  @ApiProperty() base!: number;
  @ApiProperty() cap!: number;
  @ApiProperty() floor!: number;
  @ApiProperty({ type: RolePointsDto }) onTime!: RolePointsDto;
  @ApiProperty({ type: RolePointsDto, description: 'Penalties, ≤ 0' }) overdue!: RolePointsDto;
  @ApiProperty() lateReport!: number;
  @ApiProperty() missedReport!: number;
  @ApiProperty({ type: QualityRuleDto }) quality!: QualityRuleDto;
}

export class LatenessDto {
  @ApiProperty() decayPerCalendarDay!: number;
  @ApiProperty() creditFloor!: number;
}

export class WeightedShareSectionDto {
  @ApiProperty({ type: RolePointsDto }) weights!: RolePointsDto;
  @ApiProperty({ type: LatenessDto }) lateness!: LatenessDto;
}

export class AssessmentSchemeDto {
  @ApiProperty({ example: 2025 }) year!: number;
  @ApiProperty({ enum: ['points', 'weighted-share'] }) method!: 'points' | 'weighted-share';
  @ApiProperty({ type: SchemeCountsDto }) counts!: SchemeCountsDto;
  @ApiPropertyOptional({ type: PointsSectionDto, description: 'method points' })
  points?: PointsSectionDto;
  @ApiPropertyOptional({ type: WeightedShareSectionDto, description: 'method weighted-share' })
  weightedShare?: WeightedShareSectionDto;
}

export class YearSchemeDto {
  @ApiProperty({ example: 'config/assessment/2025.yaml' }) source!: string;
  @ApiProperty({ type: AssessmentSchemeDto }) scheme!: AssessmentSchemeDto;
}
