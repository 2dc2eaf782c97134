// How far the scan has got, on standard error. On a terminal: one line redrawn in place, at most
// about ten times a second, with the count, the rate and the time left. Elsewhere (a scheduler's
// log): a plain line at each tenth of the way, so a night's log stays a dozen lines long.

export interface ProgressSink {
  readonly write: (text: string) => void;
  readonly isTerminal: boolean;
  readonly now?: () => number;
}

export interface Progress {
  /** Lists sized so far, out of `total`. */
  update(done: number, total: number): void;
  /** Ends the line drawn on a terminal. */
  finish(): void;
}

export const REDRAW_MS = 100;
const BAR_WIDTH = 24;

const figure = (value: number) => Math.round(value).toLocaleString("en-GB");

export function durationText(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${whole % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function progressLine(done: number, total: number, perSecond: number | null): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
  const rate = perSecond && perSecond > 0 ? `  ${figure(perSecond)} lists/s` : "";
  const left =
    perSecond && perSecond > 0 && done < total
      ? `  about ${durationText((total - done) / perSecond)} left`
      : "";
  return `${bar} ${figure(done)}/${figure(total)} lists sized${rate}${left}`;
}

export function createProgress(sink: ProgressSink): Progress {
  const now = sink.now ?? Date.now;
  let started: { at: number; done: number } | null = null;
  let lastDrawn = Number.NEGATIVE_INFINITY;
  let lastTenth = -1;
  let drawn = false;
  const rate = (done: number): number | null => {
    if (!started) return null;
    const seconds = (now() - started.at) / 1000;
    return seconds > 0 ? (done - started.done) / seconds : null;
  };
  return {
    update(done, total) {
      // The rate counts this run's work only: lists sized before a resume took no time today.
      started ??= { at: now(), done };
      if (sink.isTerminal) {
        if (now() - lastDrawn < REDRAW_MS && done < total) return;
        lastDrawn = now();
        drawn = true;
        sink.write(`\r${progressLine(done, total, rate(done))}\x1b[K`);
        return;
      }
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth <= lastTenth) return;
      lastTenth = tenth;
      sink.write(`${progressLine(done, total, rate(done))}\n`);
    },
    finish() {
      if (drawn) sink.write("\n");
      drawn = false;
    },
  };
}
