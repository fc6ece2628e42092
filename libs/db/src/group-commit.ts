interface Waiting<T, R> {
  item: T;
  /** performance.now() when handed in. */
  since: number;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** Most items handled in one batch. */
  maxBatch: number;
  /** Batches running at once: with two, one finishes its after-commit work while the next writes. */
  maxInFlight: number;
  /**
   * How long a batch smaller than maxBatch waits for more items, from its first item's arrival
   * (default 0: it starts on the next turn of the event loop). For callers that arrive one by one
   * faster than a batch runs, so that they share its statements instead of each paying for them.
   */
  gatherMs?: number;
}

/**
 * Group commit: items handed in by callers running at once (a worker's concurrent jobs) wait and
 * go together in the next batch, so N jobs cost about one transaction instead of N. Each caller
 * still gets its own item's result. A batch that fails is run again one item at a time, so a bad
 * item fails only its own caller (whose job BullMQ retries).
 */
export class GroupCommit<T, R> {
  private readonly waiting: Array<Waiting<T, R>> = [];
  private running = 0;
  private pumpScheduled = false;
  private gatherTimer: NodeJS.Timeout | null = null;

  /**
   * @param runBatch handles items all together or not at all, a result per item in order.
   */
  constructor(
    private readonly runBatch: (items: readonly T[]) => Promise<R[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  run(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, since: performance.now(), resolve, reject });
      this.schedulePump();
    });
  }

  /** On the next turn of the event loop, so that items handed in together start together. */
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
      const gatherMs = this.options.gatherMs ?? 0;
      const waited = performance.now() - this.waiting[0].since;
      if (this.waiting.length < this.options.maxBatch && waited < gatherMs) {
        this.gatherTimer ??= setTimeout(() => {
          this.gatherTimer = null;
          this.pump();
        }, gatherMs - waited);
        return;
      }
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.running += 1;
      void this.runAll(batch).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  private async runAll(batch: ReadonlyArray<Waiting<T, R>>): Promise<void> {
    try {
      const results = await this.runBatch(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i]));
    } catch (error: unknown) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const w of batch) {
        await this.runBatch([w.item]).then(([result]) => w.resolve(result), w.reject);
      }
    }
  }
}
