import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { IsCalendarDate, IsSingleLineName } from '../common/input-rules';
import { ASSIGNMENT_ROLES, TASK_STATUSES, type TaskStatus } from '@duban/db';
import { TRAFFIC_LIGHTS, type TrafficLight } from '../overdue-board/traffic-light';

export class TaskListQueryDto {
  @ApiPropertyOptional({ example: '9d1c7e2f-1b2a-4c55-9a43-0e6f1c2d3b4a' })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({
    description: 'Tasks this department is assigned to (department users: always their own)',
  })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({
    enum: ASSIGNMENT_ROLES,
    description: 'With departmentId: only tasks it leads / supports',
  })
  @IsOptional()
  @IsIn(ASSIGNMENT_ROLES)
  role?: 'lead' | 'support';

  @ApiPropertyOptional({ enum: TASK_STATUSES, example: 'open' })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsCalendarDate()
  deadlineFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsCalendarDate()
  deadlineTo?: string;

  @ApiPropertyOptional({ example: true, description: 'Only open tasks past their deadline' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    enum: TRAFFIC_LIGHTS,
    description:
      "Only open tasks of this traffic light today (the board's rule: red overdue, yellow due within 7 working days)",
  })
  @IsOptional()
  @IsIn(TRAFFIC_LIGHTS)
  light?: TrafficLight;

  @ApiPropertyOptional({ example: '新能源', description: 'Words in the number, title or body' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  cursor?: string;

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** The ledger's filters without paging: what the ledger files (csv, xlsx) are cut by. */
export class TaskLedgerQueryDto extends OmitType(TaskListQueryDto, ['cursor', 'limit'] as const) {}

export class EditTaskDto {
  @ApiProperty({
    example: 2,
    description: 'The rowVersion the edit is based on; a stale one gets 409',
  })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647) // the column is a PostgreSQL integer
  rowVersion!: number;

  @ApiPropertyOptional({ example: '2026-12-31', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string | null;

  @ApiPropertyOptional({ example: '加快新能源汽车产业发展' })
  @IsOptional()
  @IsString()
  @IsSingleLineName()
  @Length(1, 2000)
  title?: string;
}

export class EditedTaskDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '2026-12-31', nullable: true }) deadline!: string | null;
  @ApiProperty({ example: '加快新能源汽车产业发展' }) title!: string;
  @ApiProperty({ example: 3, description: 'The version to base the next edit on' })
  rowVersion!: number;
}

export class SetAssignmentsDto {
  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647) // the column is a PostgreSQL integer
  rowVersion!: number;

  @ApiProperty({ example: ['5f0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  lead!: string[];

  @ApiProperty({ example: [] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  support!: string[];
}

export class TaskAssignmentRowDto {
  @ApiProperty() departmentId!: string;
  @ApiProperty({ example: '市发展改革委' }) name!: string;
  @ApiProperty({ enum: ASSIGNMENT_ROLES }) role!: 'lead' | 'support';
  @ApiProperty({ description: 'The department has acknowledged (签收) the assignment' })
  acknowledged!: boolean;
}

export class TaskRowDto {
  @ApiProperty() id!: string;
  @ApiProperty() planId!: string;
  @ApiProperty({ example: '梧州市新兴产业发展实施方案' }) planTitle!: string;
  @ApiProperty({ example: '三.(一).2' }) number!: string;
  @ApiProperty({ example: '加快新能源汽车产业发展' }) title!: string;
  @ApiProperty({ type: String, example: '2026-12-31', nullable: true }) deadline!: string | null;
  @ApiProperty({ type: String, example: '到2026年底', nullable: true })
  deadlinePhrase!: string | null;
  @ApiProperty({ enum: TASK_STATUSES }) status!: TaskStatus;
  @ApiProperty({
    enum: TRAFFIC_LIGHTS,
    nullable: true,
    description: "The board's light today for an open task; null once completed or cancelled",
  })
  light!: TrafficLight | null;
  @ApiProperty({ example: 1 }) rowVersion!: number;
  @ApiProperty({ type: [TaskAssignmentRowDto], description: 'Lead departments first, by name' })
  assignments!: TaskAssignmentRowDto[];
}

export class TaskPageDto {
  @ApiProperty({ type: [TaskRowDto] }) items!: TaskRowDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
