import { ApiProperty } from '@nestjs/swagger';
import {
  ASSIGNMENT_ROLES,
  COMPLETION_STATES,
  type CompletionState,
  EXTENSION_STATES,
  type ExtensionState,
  QUALITY_RATINGS,
  RECURRENCES,
  type Recurrence,
  REPORT_STATES,
  type ReportState,
  TASK_STATUSES,
  type TaskStatus,
} from '@duban/db';
import type { QualityRating } from '@duban/contracts';

/**
 * The shapes GET /tasks/:id and GET /tasks/:id/history answer (task-detail.query.ts), so the
 * console's generated client types the task page instead of reading `unknown`.
 */

export class TaskPlanRefDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '梧州市新兴产业发展实施方案' }) title!: string;
  @ApiProperty({ example: '梧政发〔2026〕3号', nullable: true, type: String })
  docNumber!: string | null;
}

export class TaskTargetDto {
  @ApiProperty({ example: '力争工业总产值达到80亿元' }) phrase!: string;
  @ApiProperty({ example: '工业总产值', nullable: true, type: String }) indicator!: string | null;
  @ApiProperty({ example: 80, nullable: true, type: Number }) value!: number | null;
  @ApiProperty({ example: '亿元', nullable: true, type: String }) unit!: string | null;
  @ApiProperty({ enum: ['at_least', 'at_most', 'equal'], nullable: true })
  comparator!: 'at_least' | 'at_most' | 'equal' | null;
  @ApiProperty({ example: 2026, nullable: true, type: Number }) year!: number | null;
}

export class TaskAssignmentDetailDto {
  @ApiProperty() departmentId!: string;
  @ApiProperty({ example: '市发展改革委' }) name!: string;
  @ApiProperty({ enum: ASSIGNMENT_ROLES }) role!: 'lead' | 'support';
  @ApiProperty({ example: '2026-03-01T01:00:00.000Z' }) assignedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: '签收 time; null until acknowledged' })
  acknowledgedAt!: string | null;
}

export class ProgressReportRowDto {
  @ApiProperty() id!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty({ example: '市发展改革委' }) department!: string;
  @ApiProperty({ example: '2026-11' }) period!: string;
  @ApiProperty({ example: '已完成项目选址。' }) text!: string;
  @ApiProperty({ example: 40 }) percent!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  indicatorValues!: Record<string, number>;
  @ApiProperty({ enum: REPORT_STATES }) state!: ReportState;
  @ApiProperty() reportedAt!: string;
}

export class CompletionRowDto {
  @ApiProperty() id!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty({ example: '项目已建成投产。' }) evidence!: string;
  @ApiProperty({ enum: COMPLETION_STATES }) state!: CompletionState;
  @ApiProperty({ enum: QUALITY_RATINGS, nullable: true }) rating!: QualityRating | null;
  @ApiProperty({ nullable: true, type: String, description: 'The 退办 reason' })
  decisionReason!: string | null;
  @ApiProperty() declaredAt!: string;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
}

export class ExtensionRowDto {
  @ApiProperty() id!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty({ example: '2026-12-31' }) previousDeadline!: string;
  @ApiProperty({ example: '2027-03-31' }) requestedDeadline!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() progress!: string;
  @ApiProperty({ enum: EXTENSION_STATES }) state!: ExtensionState;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
}

export class TaskDetailDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '三.(一).2' }) number!: string;
  @ApiProperty({ example: 3 }) level!: number;
  @ApiProperty({ example: '加快新能源汽车产业发展' }) title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ example: '2026-12-31', nullable: true, type: String }) deadline!: string | null;
  @ApiProperty({ example: '到2026年底', nullable: true, type: String })
  deadlinePhrase!: string | null;
  @ApiProperty({ enum: RECURRENCES }) recurrence!: Recurrence;
  @ApiProperty({ enum: TASK_STATUSES }) status!: TaskStatus;
  @ApiProperty({ type: [TaskTargetDto] }) targets!: TaskTargetDto[];
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({ enum: QUALITY_RATINGS, nullable: true }) qualityRating!: QualityRating | null;
  @ApiProperty({ example: 3 }) rowVersion!: number;
  @ApiProperty({ nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ type: TaskPlanRefDto }) plan!: TaskPlanRefDto;
  @ApiProperty({ type: [TaskAssignmentDetailDto] }) assignments!: TaskAssignmentDetailDto[];
  @ApiProperty({ type: [ProgressReportRowDto], description: 'Newest first, at most 50' })
  progress!: ProgressReportRowDto[];
  @ApiProperty({ type: [CompletionRowDto] }) completions!: CompletionRowDto[];
  @ApiProperty({ type: [ExtensionRowDto] }) extensions!: ExtensionRowDto[];
}

export class TaskHistoryEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ example: 'zhang.san', description: 'A user name, or a service (scheduler)' })
  actor!: string;
  @ApiProperty({ nullable: true, type: String }) actorUserId!: string | null;
  @ApiProperty({ example: 'progress.report' }) action!: string;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true })
  before!: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true })
  after!: Record<string, unknown> | null;
  @ApiProperty({ type: [String] }) eventIds!: string[];
}
