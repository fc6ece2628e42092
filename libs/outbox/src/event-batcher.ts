import type { AnyDomainEvent } from '@duban/contracts';
import type { ApplyResult } from './apply-event';

interface Waiting {
  event: AnyDomainEvent;
  resolve: (result: ApplyResult) => void;
  reject: (error: unknown) => void;
}

export interface EventBatcherOptions {
  /** Most events applied in one transaction. */
  maxBatch: number;
  /** Batches running at once: with two, one commits its Redis work while the next writes. */
  maxInFlight: number;
}

/**
 * Group commit for a consumer's event worker: the events its jobs hand in while batches are
 * running wait and go together in the next batch, so N jobs running at once cost about one
 * transaction (one claim, one re-plan, one commit) instead of N. Each job still learns its own
 * event's result. A batch that fails is applied again one event at a time, so a bad event fails
 * only its own job, which BullMQ retries.
 */
export class EventBatcher {
  private readonly waiting: Waiting[] = [];
  private running = 0;
  private pumpScheduled = false;

  /**
   * @param applyAll applies events in one transaction, all or none, a result per event in order:
   *   applyEventsOnce with the consumer's batch handler.
   */
  constructor(
    private readonly applyAll: (events: readonly AnyDomainEvent[]) => Promise<ApplyResult[]>,
    private readonly options: EventBatcherOptions,
  ) {}

  apply(event: AnyDomainEvent): Promise<ApplyResult> {
    return new Promise<ApplyResult>((resolve, reject) => {
      this.waiting.push({ event, resolve, reject });
      this.schedulePump();
    });
  }

  /** On the next turn of the event loop, so that jobs handed in together start together. */
  private schedulePump(): void {
    if (!this.pumpScheduled) {
      this.pumpScheduled = true;
      setImmediate(() => {
        this.pumpScheduled = false;
        this.pump();
      });
    }
  }

  private pump(): void {
    while (this.running < this.options.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.running += 1;
      void this.run(batch).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  private async run(batch: readonly Waiting[]): Promise<void> {
    try {
      const results = await this.applyAll(batch.map((w) => w.event));
      batch.forEach((w, i) => w.resolve(results[i]));
    } catch (error: unknown) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const w of batch) {
        await this.applyAll([w.event]).then(([result]) => w.resolve(result), w.reject);
      }
    }
  }
}
