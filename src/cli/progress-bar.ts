/**
 * A progress bar on a terminal: a bar for the share of the file read and a
 * count of rows done, redrawn in place at most ten times a second. Only drawn
 * when the stream is a TTY; a pipe or a file never receives it.
 */

const REDRAW_MS = 100;
const BAR_WIDTH = 30;

/** Draws progress on one terminal line; `done()` clears it so the summary starts clean. */
export class ProgressBar {
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly totalBytes: number,
    private readonly label: string,
  ) {}

  /** True when there is a terminal to draw on. */
  get active(): boolean {
    return this.stream.isTTY === true;
  }

  update(bytesRead: number, rowsDone: number, force = false): void {
    if (!this.active) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const share = this.totalBytes > 0 ? Math.min(1, bytesRead / this.totalBytes) : 1;
    const filled = Math.round(share * BAR_WIDTH);
    const line = `${this.label} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${rowsDone.toLocaleString("en-US")} rows`;
    this.stream.write(`\r\x1b[2K${line.slice(0, Math.max(20, (this.stream.columns || 80) - 1))}`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.stream.write("\r\x1b[2K");
    this.drawn = false;
  }
}
