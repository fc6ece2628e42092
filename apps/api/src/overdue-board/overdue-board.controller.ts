import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/auth.decorators';
import { BoardQueryDto, BoardTasksQueryDto } from './overdue-board.dto';
import { OverdueBoardService } from './overdue-board.service';

@ApiTags('overdue board')
@ApiBearerAuth()
@Controller('board')
export class OverdueBoardController {
  constructor(private readonly board: OverdueBoardService) {}

  @Get()
  @ApiOperation({
    summary:
      'Open tasks by traffic light overall and per department (red overdue, yellow due within 7 working days)',
  })
  @ApiOkResponse({
    schema: {
      example: {
        asOf: '2026-11-22',
        yellowUntil: '2026-12-01',
        provisional: false,
        totals: { open: 40, red: 6, yellow: 4, green: 30 },
        departments: [
          {
            departmentId: '5f0c…',
            name: '市发展改革委',
            open: 12,
            red: 3,
            yellow: 1,
            green: 8,
            unacknowledged: 2,
          },
        ],
      },
    },
  })
  summary(@CurrentUser() user: AuthUser, @Query() query: BoardQueryDto) {
    return this.board.board(user, query);
  }

  @Get('tasks')
  @ApiOperation({ summary: 'Open tasks with days overdue and traffic light, most overdue first' })
  tasks(@CurrentUser() user: AuthUser, @Query() query: BoardTasksQueryDto) {
    return this.board.tasks(user, query);
  }
}
