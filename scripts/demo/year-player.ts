import { shanghaiInstantOf } from '@duban/calendar';
import type { Redis } from 'ioredis';
import { type ClockState, publishClockState, type SharedClock } from '@duban/clock';
import { type DemoApi, DemoApiError } from './api-client';
import type { DemoAction, YearScript } from './year-plan';

const EVIDENCE = '已按方案要求完成,附验收材料和佐证清单。';

export interface PlayOutcome {
  done: number;
  /** Refusals the script did not plan for (4xx), with a sample of their messages. */
  refused: number;
  samples: string[];
}

/**
 * Plays the script against the running system: each simulated day's actions are made at 10:00
 * that day (after the 09:00 reminders), by the department or the office whose action it is.
 * The player drives the shared clock: it lets it run to the next 10:00 it has work for and stop
 * there until the day's actions are made, so a slow machine stretches the year in real time
 * rather than letting the calendar run past the script.
 */
export class YearPlayer {
  private readonly extensions = new Map<string, string>();
  private readonly outcome: PlayOutcome = { done: 0, refused: 0, samples: [] };

  constructor(
    private readonly api: DemoApi,
    private readonly clock: SharedClock,
    private readonly redis: Redis,
    private readonly office: string,
    private readonly tokens: ReadonlyMap<string, string>,
  ) {}

  async play(
    script: YearScript,
    lastDay: string,
    onDay: (day: string, progress: number) => void,
  ): Promise<PlayOutcome> {
    const days = [...script.days.keys()].sort();
    const first = days[0];
    for (const day of days) {
      const at = shanghaiInstantOf(day, '10:00');
      await this.runTo(at);
      onDay(day, dayFraction(first, day, lastDay));
      await runLimited(script.days.get(day) ?? [], 12, (action) => this.make(action));
    }
    await this.runTo(shanghaiInstantOf(lastDay, '23:00'));
    onDay(lastDay, 1);
    return this.outcome;
  }

  /** Lets the clock run from where it stands to `stop`, and waits until it is there. */
  private async runTo(stop: Date): Promise<void> {
    const state: ClockState = {
      start: this.clock.now().toISOString(),
      anchorMs: Date.now(),
      speed: this.clock.speed,
      stopAt: stop.toISOString(),
    };
    this.clock.set(state);
    await publishClockState(this.redis, this.clock.key, state);
    const wait = this.clock.realTimeOf(stop) - Date.now();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private async make(action: DemoAction): Promise<void> {
    try {
      await this.request(action);
      this.outcome.done += 1;
    } catch (error) {
      if (error instanceof DemoApiError && error.status < 500) {
        this.outcome.refused += 1;
        if (this.outcome.samples.length < 5) this.outcome.samples.push(error.message.slice(0, 200));
        return;
      }
      throw error;
    }
  }

  private async request(action: DemoAction): Promise<void> {
    const task = `/tasks/${action.taskId}`;
    switch (action.kind) {
      case 'acknowledge':
        await this.api.call('POST', `${task}/acknowledge`, this.token(action.departmentId));
        return;
      case 'progress':
        await this.api.call('POST', `${task}/progress`, this.token(action.departmentId), {
          text: `${action.period}月工作进展:按计划推进,完成约${action.percent}%。`,
          percent: action.percent,
          period: action.period,
        });
        return;
      case 'declare':
        await this.api.call('POST', `${task}/completion`, this.token(action.departmentId), {
          evidence: EVIDENCE,
        });
        return;
      case 'approve':
        await this.api.call('POST', `${task}/completion/approve`, this.office, {
          rating: action.rating,
        });
        return;
      case 'return':
        await this.api.call('POST', `${task}/completion/return`, this.office, {
          reason: '佐证材料不全,请补充后重新报送。',
        });
        return;
      case 'extend': {
        const extension = await this.api.call<{ id: string }>(
          'POST',
          `${task}/extensions`,
          this.token(action.departmentId),
          {
            requestedDeadline: action.requestedDeadline,
            reason: '受项目审批进度影响,需顺延。',
            progress: '主体工作已完成七成。',
          },
        );
        this.extensions.set(action.taskId, extension.id);
        return;
      }
      case 'approveExtension': {
        const id = this.extensions.get(action.taskId);
        if (id) {
          await this.api.call('POST', `/extensions/${id}/approve`, this.office, {
            note: '同意延期。',
          });
        }
        return;
      }
    }
  }

  private token(departmentId: string): string {
    const token = this.tokens.get(departmentId);
    if (!token) {
      throw new Error(`No demo user signs in for department ${departmentId}`);
    }
    return token;
  }
}

function dayFraction(first: string, day: string, last: string): number {
  const span = Date.parse(last) - Date.parse(first);
  return span > 0 ? (Date.parse(day) - Date.parse(first)) / span : 1;
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function runLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        await work(item);
      }
    }),
  );
}
