import { CronExpressionParser } from 'cron-parser';
import { type Clock, realMsUntil } from '@duban/clock';

/**
 * Calls `tick` at each occurrence of `pattern` on a simulated clock. BullMQ's job schedulers
 * count cron occurrences on real time, so under a compressed calendar (the demo's year in a
 * minute) the daily sweep is timed here instead: the next occurrence is computed on the
 * simulated clock and waited for in real time.
 */
export class SimulatedCron {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly pattern: string,
    private readonly timezone: string,
    private readonly tick: (occurrence: Date) => Promise<void>,
    private readonly onError: (error: Error) => void,
  ) {}

  /** The first occurrence strictly after `after` on the simulated calendar. */
  next(after: Date): Date {
    return CronExpressionParser.parse(this.pattern, { currentDate: after, tz: this.timezone })
      .next()
      .toDate();
  }

  start(): void {
    this.schedule(this.next(this.clock.now()));
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer);
    }
  }

  private schedule(occurrence: Date): void {
    if (this.stopped) {
      return;
    }
    this.timer = setTimeout(
      () => {
        this.tick(occurrence)
          .catch((error: unknown) => this.onError(error as Error))
          .finally(() => this.schedule(this.next(occurrence)));
      },
      realMsUntil(this.clock, occurrence),
    );
    this.timer.unref();
  }
}
