/** Stage lines (`[3/9] …`) and an in-place bar for the year, so a newcomer sees what is running. */
export class Progress {
  private index = 0;
  private startedAt = Date.now();
  private label = '';
  private lastBar = -1;
  private barDrawn = false;

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stdout,
  ) {}

  stage(label: string): void {
    this.finish();
    this.index += 1;
    this.label = label;
    this.startedAt = Date.now();
    this.out.write(`▶ [${this.index}/${this.total}] ${label}\n`);
  }

  /** The year's bar: redrawn in place on a terminal, one line per month otherwise. */
  bar(fraction: number, detail: string): void {
    const width = 30;
    const filled = Math.round(fraction * width);
    const line = `   ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.round(fraction * 100)
      .toString()
      .padStart(3)}%  ${detail}`;
    if (this.out.isTTY) {
      this.barDrawn = true;
      this.out.write(`\r${line}\x1b[K`);
    } else if (Math.floor(fraction * 12) !== this.lastBar) {
      this.lastBar = Math.floor(fraction * 12);
      this.out.write(`${line}\n`);
    }
  }

  finish(): void {
    if (this.label) {
      if (this.barDrawn) this.out.write('\n');
      this.barDrawn = false;
      this.out.write(
        `  ✓ ${this.label} (${((Date.now() - this.startedAt) / 1000).toFixed(1)} s)\n`,
      );
      this.label = '';
    }
  }
}
