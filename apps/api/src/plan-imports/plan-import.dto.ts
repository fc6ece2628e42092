import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsSingleLineName } from '../common/input-rules';

/** A list of department names as written or as the directory spells them (lead or support). */
const DepartmentNames = (most: number) =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(most),
    IsString({ each: true }),
    Length(1, 200, { each: true }),
    IsSingleLineName({ each: true }),
  );

export class PostPlanTextDto {
  @ApiProperty({
    example:
      '一、主要任务\n(一)加快产业发展。到2020年产值达到300亿元。(市发展改革委牵头,市科技局配合)',
  })
  @IsString()
  @MaxLength(5 * 1024 * 1024)
  text!: string;

  @ApiPropertyOptional({ example: '梧州市新兴产业发展实施方案.txt' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  fileName?: string;

  @ApiPropertyOptional({
    example: false,
    description: 'Import a document already imported as a new version',
  })
  @IsOptional()
  @IsBoolean()
  newVersion?: boolean;
}

export class TaskEditDto {
  @ApiProperty({ example: '三.(一).2' })
  @IsString()
  @Length(1, 100)
  number!: string;

  @ApiPropertyOptional({ example: true, description: 'false drops the item from the ledger' })
  @IsOptional()
  @IsBoolean()
  include?: boolean;

  @ApiPropertyOptional({ example: '加快新能源汽车产业发展' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  @IsSingleLineName()
  title?: string;

  @ApiPropertyOptional({ type: String, example: '2026-12-31', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string | null;

  @ApiPropertyOptional({
    example: ['市发展改革委'],
    description: 'Names as written or directory names',
  })
  @IsOptional()
  @DepartmentNames(50)
  lead?: string[];

  @ApiPropertyOptional({ example: ['市科技局', '相关部门'] })
  @IsOptional()
  @DepartmentNames(200)
  support?: string[];
}

/** A task the parser missed, written by the office during review. */
export class AddTaskDto {
  @ApiPropertyOptional({
    example: '补充.1',
    description: 'Its number in the ledger; the api numbers it 补充.N when absent',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsSingleLineName()
  number?: string;

  @ApiProperty({ example: '建立新能源产业项目库' })
  @IsString()
  @Length(1, 2000)
  @IsSingleLineName()
  title!: string;

  @ApiPropertyOptional({ type: String, example: '2026-12-31', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string | null;

  @ApiProperty({ example: ['市发展改革委'] })
  @DepartmentNames(50)
  lead!: string[];

  @ApiPropertyOptional({ example: ['市科技局'] })
  @IsOptional()
  @DepartmentNames(200)
  support?: string[];
}

export class ResolveNameDto {
  @ApiProperty({ example: '工信委' })
  @IsString()
  @Length(1, 200)
  written!: string;

  @ApiProperty({ example: '5f0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a' })
  @IsUUID()
  departmentId!: string;

  @ApiPropertyOptional({
    example: true,
    description: 'Remember the spelling as an alias of the department on commit',
  })
  @IsOptional()
  @IsBoolean()
  remember?: boolean;
}

export class EditImportDto {
  @ApiProperty({
    example: 1,
    description: 'The rowVersion the edit is based on; a stale one gets 409',
  })
  @IsInt()
  @Min(1)
  rowVersion!: number;

  @ApiPropertyOptional({ example: '梧州市加快新兴产业发展实施方案' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  title?: string;

  @ApiPropertyOptional({ type: [TaskEditDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => TaskEditDto)
  tasks?: TaskEditDto[];

  @ApiPropertyOptional({ type: [AddTaskDto], description: 'Tasks to add to the draft' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AddTaskDto)
  add?: AddTaskDto[];

  @ApiPropertyOptional({ type: [ResolveNameDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => ResolveNameDto)
  resolve?: ResolveNameDto[];
}

export class ImportSummaryDto {
  @ApiProperty({ example: '9d1c7e2f-1b2a-4c55-9a43-0e6f1c2d3b4a' })
  id!: string;
  @ApiProperty({ example: 'draft', enum: ['draft', 'committed', 'discarded'] })
  state!: string;
  @ApiProperty({ example: 1 })
  rowVersion!: number;
  @ApiProperty({ example: 62 })
  taskCount!: number;
  @ApiProperty({
    example: ['工信委'],
    description: 'Names the office still has to map to a department',
  })
  unresolved!: string[];
  @ApiProperty({ nullable: true, example: null })
  planId!: string | null;
  @ApiProperty({
    description: 'The review document: tasks, departments with suggestions, goals, warnings',
  })
  draft!: Record<string, unknown>;
}

/** One import in the office's list: enough to find it, not its draft. */
export class ImportListItemDto {
  @ApiProperty({ example: '9d1c7e2f-1b2a-4c55-9a43-0e6f1c2d3b4a' })
  id!: string;
  @ApiProperty({ type: String, nullable: true, example: '梧州市新兴产业发展实施方案.txt' })
  fileName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '梧州市加快新兴产业发展实施方案' })
  title!: string | null;
  @ApiProperty({ example: 'draft', enum: ['draft', 'committed', 'discarded'] })
  state!: string;
  @ApiProperty({ example: 62, description: 'Items kept as tasks' })
  taskCount!: number;
  @ApiProperty({ type: String, nullable: true, example: null })
  planId!: string | null;
  @ApiProperty({ example: '2026-12-06T02:57:00.000Z' })
  createdAt!: string;
}

/** The text the draft was read from; the tasks' spans are offsets into it. */
export class ImportSourceDto {
  @ApiProperty({ type: String, nullable: true, example: '梧州市新兴产业发展实施方案.txt' })
  fileName!: string | null;
  @ApiProperty({ example: '梧州市加快新能源产业发展实施方案\n一、主要任务\n…' })
  text!: string;
}
