/**
 * How long a `sending` row may go untouched before the mail recovery takes it for one whose holder
 * died. A notifier touches the rows of the first attempts it holds every HELD_MAIL_TOUCH_MS, so a
 * live holder's rows never look abandoned, however long a send waits for a slow server.
 */
export const HELD_MAIL_STALE_SECONDS = 20;
export const HELD_MAIL_TOUCH_MS = 5_000;

export interface HeldMailOptions<Mail> {
  /** Makes the attempt and records its outcome; what it throws goes to `onError`. */
  readonly send: (mail: Mail) => Promise<unknown>;
  /** Refreshes the `sending` rows of these ids. */
  readonly touch: (ids: readonly string[]) => Promise<void>;
  /** An attempt that threw (its row is left to the recovery), or a touch that failed. */
  readonly onError: (error: unknown, mail: Mail | null) => void;
  /**
   * Mails held at most (queued for a send slot or being sent). When full, composing waits until
   * the sends have brought it down to half, then goes on all at once: let in one by one, each
   * as a send finishes, the compose jobs would come one at a time and batch no more.
   */
  readonly maxHeld: number;
  readonly touchEveryMs: number;
}

/**
 * The first attempts a notifier holds: mail it composed and recorded as `sending`, sent from
 * memory (no job, no second read of the row) as soon as a send slot is free. Nothing but this
 * process knows it holds them, so it says so in PostgreSQL: `touch` refreshes the rows' time
 * every `touchEveryMs`. Should the process die, the rows stop being touched and the mail
 * recovery hands them to DeliverMail jobs once they are HELD_MAIL_STALE_SECONDS old.
 */
export class HeldMail<Mail extends { readonly id: string }> {
  private readonly held = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private readonly waitingForRoom: Array<() => void> = [];
  private touching: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly options: HeldMailOptions<Mail>) {
    this.timer = setInterval(() => this.touchHeld(), options.touchEveryMs);
    this.timer.unref();
  }

  /** Mails held now. */
  get size(): number {
    return this.held.size;
  }

  /** Resolves once the mail is held (there was room); its send runs on without the caller. */
  async hold(mail: Mail): Promise<void> {
    while (this.held.size >= this.options.maxHeld) {
      await new Promise<void>((resolve) => this.waitingForRoom.push(resolve));
    }
    this.held.add(mail.id);
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
    if (this.held.size === 0) {
      return;
    }
    const ids = [...this.held];
    this.touching = this.touching
      .then(() => this.options.touch(ids))
      // The next touch comes in touchEveryMs; the recovery waits for several to be missed.
      .catch((error: unknown) => this.options.onError(error, null));
  }
}
