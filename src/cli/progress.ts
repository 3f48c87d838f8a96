/**
 * A progress bar for long reads, on stderr, and only when stderr is a
 * terminal: piped or redirected output never sees it.
 */
import type { OutputStream } from './io.js';

const WIDTH = 24;
/** Redraw at most this often, in milliseconds. */
const INTERVAL = 100;

export class Progress {
  private label = '';
  private total = 0;
  private done = 0;
  private last = 0;
  private drawn = false;

  constructor(
    private readonly out: OutputStream,
    readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** A terminal that wants a progress bar: stderr is a TTY, and the run is not under CI. */
  static forTerminal(out: OutputStream, env: Readonly<Record<string, string | undefined>>): Progress {
    return new Progress(out, out.isTTY === true && !env.CI);
  }

  start(label: string, total: number): void {
    this.label = label;
    this.total = total;
    this.done = 0;
    this.last = 0;
  }

  advance(bytes: number): void {
    if (!this.enabled) return;
    this.done += bytes;
    const t = this.now();
    if (t - this.last < INTERVAL) return;
    this.last = t;
    const share = this.total > 0 ? Math.min(1, this.done / this.total) : 0;
    const filled = Math.round(share * WIDTH);
    this.out.write(`\r[${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% reading ${this.label}`);
    this.drawn = true;
  }

  /** Clears the bar, leaving the terminal as it was. */
  finish(): void {
    if (this.drawn) this.out.write('\r\u001b[2K');
    this.drawn = false;
  }
}
