import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { QueryLimit } from '../common/query-limit';

export const APPROVAL_KINDS = ['completion', 'extension'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

export class ApprovalsQueryDto {
  @ApiPropertyOptional({
    enum: APPROVAL_KINDS,
    description: 'completion: 办结申报; extension: 延期申请',
  })
  @IsOptional()
  @IsIn(APPROVAL_KINDS)
  kind?: ApprovalKind;

  @QueryLimit()
  limit?: number;
}

export class ApprovalTaskDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '三.(一).2' }) number!: string;
  @ApiProperty({ example: '推进重大项目建设' }) title!: string;
  @ApiProperty({ example: 4, description: 'The task version, for edits that check it' })
  rowVersion!: number;
}

export class ApprovalDepartmentDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '市发展改革委' }) name!: string;
}

export class ApprovalExtensionDto {
  @ApiProperty({ nullable: true, type: String, example: '2026-12-31' })
  previousDeadline!: string | null;
  @ApiProperty({ example: '2027-03-31' }) requestedDeadline!: string;
  @ApiProperty({ example: '受用地审批影响,工期顺延。' }) reason!: string;
  @ApiProperty({ example: '主体工程已完成70%。' }) progress!: string;
}

export class ApprovalItemDto {
  @ApiProperty({ enum: APPROVAL_KINDS }) kind!: ApprovalKind;
  @ApiProperty({ description: 'The completion id or the extension request id' }) id!: string;
  @ApiProperty({ type: ApprovalTaskDto }) task!: ApprovalTaskDto;
  @ApiProperty({ type: ApprovalDepartmentDto }) department!: ApprovalDepartmentDto;
  @ApiProperty({ example: '2026-11-20T02:00:00.000Z' }) submittedAt!: string;
  @ApiProperty({ example: 3, description: 'Whole days waiting, by the Beijing calendar' })
  ageDays!: number;
  @ApiProperty({ nullable: true, type: String, description: 'A completion: its evidence' })
  evidence!: string | null;
  @ApiProperty({ nullable: true, type: ApprovalExtensionDto, description: 'An extension request' })
  extension!: ApprovalExtensionDto | null;
}

export class ApprovalCountsDto {
  @ApiProperty() completion!: number;
  @ApiProperty() extension!: number;
}

export class ApprovalsDto {
  @ApiProperty({ example: '2026-11-22', description: 'Today in Beijing: the ages count to it' })
  asOf!: string;
  @ApiProperty({ type: ApprovalCountsDto, description: 'Everything pending, by kind (no limit)' })
  counts!: ApprovalCountsDto;
  @ApiProperty({ type: [ApprovalItemDto], description: 'Oldest first' })
  items!: ApprovalItemDto[];
}
