import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/auth.decorators';
import { BoardDto, BoardQueryDto, BoardTasksDto, BoardTasksQueryDto } from './overdue-board.dto';
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
  @ApiOkResponse({ type: BoardDto })
  summary(@CurrentUser() user: AuthUser, @Query() query: BoardQueryDto): Promise<BoardDto> {
    return this.board.board(user, query);
  }

  @Get('tasks')
  @ApiOperation({ summary: 'Open tasks with days overdue and traffic light, most overdue first' })
  @ApiOkResponse({ type: BoardTasksDto })
  tasks(@CurrentUser() user: AuthUser, @Query() query: BoardTasksQueryDto): Promise<BoardTasksDto> {
    return this.board.tasks(user, query);
  }
}
