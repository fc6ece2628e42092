/**
 * At most `size` sends between "handed to SMTP" and "recorded in PostgreSQL" at once. nodemailer
 * frees a pooled connection as soon as the server says 250, before the row is marked sent; without
 * this bound a killed process could leave one accepted-but-unrecorded mail per running job, not
 * per connection. With it, duplicates after a crash are at most the pool size.
 */
export class SendSlots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly size: number) {
    this.free = size;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) {
      this.free -= 1;
    } else {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) {
        next();
      } else {
        this.free += 1;
      }
    }
  }
}
