/**
 * How long a first attempt's `sending` row may go untouched before it is taken for one whose
 * holder died: the mail recovery then gives it to a DeliverMail job, whose claim refuses it any
 * earlier. A notifier touches the rows it holds every HELD_MAIL_TOUCH_MS, so a live holder's rows
 * never look abandoned, however long a send waits for a slow server.
 */
export const HELD_MAIL_STALE_SECONDS = 20;
export const HELD_MAIL_TOUCH_MS = 5_000;
/**
 * A held mail goes to the server only while its hold was confirmed (written or touched) this
 * recently: half the stale age, so its row cannot have been taken over meanwhile.
 */
export const HELD_MAIL_CONFIRMED_MS = (HELD_MAIL_STALE_SECONDS * 1000) / 2;

export interface HeldMailOptions<Mail> {
  /** Makes the attempt and records its outcome; what it throws goes to `onError`. */
  readonly send: (mail: Mail) => Promise<unknown>;
  /**
   * Refreshes the rows of these ids that are still this process's to send (still `sending` at
   * attempt 1, not taken over by a DeliverMail job) and answers their ids.
   */
  readonly touch: (ids: readonly string[]) => Promise<readonly string[]>;
  /** An attempt that threw (its row is left to the recovery), or a touch that failed. */
  readonly onError: (error: unknown, mail: Mail | null) => void;
  /**
   * Mails held at most (queued for a send slot or being sent). When full, composing waits until
   * the sends have brought it down to half, then goes on all at once: let in one by one, each
   * as a send finishes, the compose jobs would come one at a time and batch no more.
   */
  readonly maxHeld: number;
  readonly touchEveryMs: number;
  /** performance.now(), replaceable in tests. */
  readonly now?: () => number;
}

/**
 * The first attempts a notifier holds: mail it composed and recorded as `sending`, sent from
 * memory (no job, no second read of the row) as soon as a send slot is free. Nothing but this
 * process knows it holds them, so it says so in PostgreSQL: `touch` refreshes the rows every
 * `touchEveryMs`. Should the process die, the rows stop being touched and the mail recovery hands
 * them to DeliverMail jobs once they are HELD_MAIL_STALE_SECONDS old. Should the process lose
 * PostgreSQL for a while, `mayStillSend` says no to the mails whose hold it could not confirm,
 * and those go the same way.
 */
export class HeldMail<Mail extends { readonly id: string }> {
  /** Held ids, with when their hold was last confirmed; null once taken over. */
  private readonly held = new Map<string, number | null>();
  private readonly running = new Set<Promise<void>>();
  private readonly waitingForRoom: Array<() => void> = [];
  private touching: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private readonly now: () => number;

  constructor(private readonly options: HeldMailOptions<Mail>) {
    this.now = options.now ?? (() => performance.now());
    this.timer = setInterval(() => this.touchHeld(), options.touchEveryMs);
    this.timer.unref();
  }

  /** Mails held now. */
  get size(): number {
    return this.held.size;
  }

  /** The ids held now (the recovery leaves them alone). */
  ids(): string[] {
    return [...this.held.keys()];
  }

  /**
   * Whether the mail may go to the server now: its hold was confirmed within
   * HELD_MAIL_CONFIRMED_MS and no touch found it taken over. Ask right before sending.
   */
  mayStillSend(id: string): boolean {
    const confirmedAt = this.held.get(id);
    return (
      confirmedAt !== undefined &&
      confirmedAt !== null &&
      this.now() - confirmedAt <= HELD_MAIL_CONFIRMED_MS
    );
  }

  /**
   * Resolves once the mail is held (there was room); its send runs on without the caller. Call it
   * right after the mail's row was written: that write is its first confirmation.
   */
  async hold(mail: Mail): Promise<void> {
    while (this.held.size >= this.options.maxHeld) {
      await new Promise<void>((resolve) => this.waitingForRoom.push(resolve));
    }
    this.held.set(mail.id, this.now());
    const sending: Promise<void> = this.options
      .send(mail)
      .then(
        () => undefined,
        (error: unknown) => this.options.onError(error, mail),
      )
      .finally(() => {
        this.held.delete(mail.id);
        this.running.delete(sending);
        if (this.held.size <= this.options.maxHeld / 2) {
          this.waitingForRoom.splice(0).forEach((resume) => resume());
        }
      });
    this.running.add(sending);
  }

  /** Waits for every held mail's attempt to finish, then stops touching. */
  async drain(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.all([...this.running]);
    }
    clearInterval(this.timer);
    await this.touching;
  }

  private touchHeld(): void {
    const ids = [...this.held].flatMap(([id, confirmedAt]) => (confirmedAt === null ? [] : [id]));
    if (ids.length === 0) {
      return;
    }
    const startedAt = this.now();
    this.touching = this.touching
      .then(async () => {
        const still = new Set(await this.options.touch(ids));
        for (const id of ids) {
          if (this.held.has(id)) {
            this.held.set(id, still.has(id) ? startedAt : null);
          }
        }
      })
      // The next touch comes in touchEveryMs; meanwhile mayStillSend counts from the last one.
      .catch((error: unknown) => this.options.onError(error, null));
  }
}
