import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkingDayCalendar } from '@duban/calendar';
import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import type {
  BoardDto,
  BoardQueryDto,
  BoardTasksDto,
  BoardTasksQueryDto,
} from './overdue-board.dto';
import {
  type BoardWindow,
  boardTasks,
  type DepartmentCounts,
  departmentCounts,
  taskTotals,
} from './overdue-board.query';
import { lightWindow, type TrafficLight } from './traffic-light';

@Injectable()
export class OverdueBoardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  async board(user: AuthUser, query: BoardQueryDto): Promise<BoardDto> {
    const { window, provisional } = this.window(user, query);
    const [totals, departments] = window.departmentId
      ? await this.departmentBoard(window)
      : await Promise.all([
          taskTotals(this.dataSource, window),
          departmentCounts(this.dataSource, window),
        ]);
    return { asOf: window.asOf, yellowUntil: window.yellowUntil, provisional, totals, departments };
  }

  async tasks(user: AuthUser, query: BoardTasksQueryDto): Promise<BoardTasksDto> {
    const { window, provisional } = this.window(user, query);
    const tasks = await boardTasks(this.dataSource, window, query.light, query.limit ?? 100);
    return { asOf: window.asOf, yellowUntil: window.yellowUntil, provisional, tasks };
  }

  /**
   * A department holds at most one assignment per task, so its own counts are the board's
   * totals: one scan of its assignments instead of two.
   */
  private async departmentBoard(
    window: BoardWindow,
  ): Promise<[Record<TrafficLight | 'open', number>, DepartmentCounts[]]> {
    const departments = await departmentCounts(this.dataSource, window);
    const [own] = departments;
    const totals = own
      ? { open: own.open, red: own.red, yellow: own.yellow, green: own.green }
      : { open: 0, red: 0, yellow: 0, green: 0 };
    return [totals, departments];
  }

  private window(
    user: AuthUser,
    query: BoardQueryDto,
  ): { window: BoardWindow; provisional: boolean } {
    const asOf = query.asOf ?? this.clock.today();
    // A year whose holidays are not published yet counts weekends only; the board says so.
    const yellow = lightWindow(this.calendar, asOf);
    const departmentId =
      user.role === 'department' ? (user.departmentId ?? undefined) : query.departmentId;
    return {
      window: { asOf, yellowUntil: yellow.yellowUntil, departmentId, planId: query.planId },
      provisional: yellow.provisional,
    };
  }
}
