import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/input-rules';
import { QueryLimit } from '../common/query-limit';

import { TRAFFIC_LIGHTS, type TrafficLight } from './traffic-light';

export { TRAFFIC_LIGHTS, type TrafficLight };

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

  @QueryLimit()
  limit?: number;
}

/** Open tasks by light: the board's totals, or one department's counts. */
export class LightCountsDto {
  @ApiProperty({ example: 40 }) open!: number;
  @ApiProperty({ example: 6 }) red!: number;
  @ApiProperty({ example: 4 }) yellow!: number;
  @ApiProperty({ example: 30 }) green!: number;
}

export class DepartmentCountsDto extends LightCountsDto {
  @ApiProperty() departmentId!: string;
  @ApiProperty({ example: '市发展改革委' }) name!: string;
  @ApiProperty({ example: 2, description: 'Open assignments not yet acknowledged (签收)' })
  unacknowledged!: number;
}

class BoardWindowDto {
  @ApiProperty({ example: '2026-11-22', description: 'YYYY-MM-DD (Asia/Shanghai)' })
  asOf!: string;
  @ApiProperty({ example: '2026-12-01', description: 'The last date still yellow' })
  yellowUntil!: string;
  @ApiProperty({ description: "The year's holidays are not published: weekends only" })
  provisional!: boolean;
}

export class BoardDto extends BoardWindowDto {
  @ApiProperty({ type: LightCountsDto }) totals!: LightCountsDto;
  @ApiProperty({ type: [DepartmentCountsDto], description: 'Worst first' })
  departments!: DepartmentCountsDto[];
}

export class BoardTaskDto {
  @ApiProperty() taskId!: string;
  @ApiProperty({ example: '三.(一).2' }) number!: string;
  @ApiProperty({ example: '加快新能源汽车产业发展' }) title!: string;
  @ApiProperty({ example: '梧州市新兴产业发展实施方案' }) planTitle!: string;
  @ApiProperty({ type: String, example: '2026-12-31', nullable: true }) deadline!: string | null;
  @ApiProperty({ example: 12 }) daysOverdue!: number;
  @ApiProperty({ enum: TRAFFIC_LIGHTS }) light!: TrafficLight;
  @ApiProperty({ type: [String], example: ['市发展改革委'] }) lead!: string[];
  @ApiProperty({ type: [String], example: ['市科技局'] }) support!: string[];
  @ApiProperty({ type: [String], description: 'Departments that have not acknowledged' })
  unacknowledged!: string[];
}

export class BoardTasksDto extends BoardWindowDto {
  @ApiProperty({ type: [BoardTaskDto], description: 'Most overdue first' })
  tasks!: BoardTaskDto[];
}
