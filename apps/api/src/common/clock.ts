import { Injectable } from '@nestjs/common';
import { shanghaiDateOf } from '@duban/calendar';
import { currentClock } from '@duban/clock';

/**
 * The current time, injected so tests can play a year on set dates. It follows the process's
 * clock, so a simulated calendar (DUBAN_CLOCK_*) reaches every business timestamp.
 */
@Injectable()
export class Clock {
  now(): Date {
    return currentClock().now();
  }

  /** Today's calendar date in Asia/Shanghai (YYYY-MM-DD). */
  today(): string {
    return shanghaiDateOf(this.now());
  }
}
