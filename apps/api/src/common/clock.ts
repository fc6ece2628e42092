import { Injectable } from '@nestjs/common';
import { shanghaiDateOf } from '@duban/calendar';

/** The current time, injected so tests can play a year on set dates. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's calendar date in Asia/Shanghai (YYYY-MM-DD). */
  today(): string {
    return shanghaiDateOf(this.now());
  }
}
