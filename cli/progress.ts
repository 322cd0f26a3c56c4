import { SingleBar, Presets } from 'cli-progress';

/** Below this many files a run is over before a bar would tell anyone anything. */
const MIN_FILES_FOR_BAR = 5;

export interface Progress {
  tick(): void;
  /** Clears the bar's line so that a report line written to the same terminal is not garbled. */
  clearLine(): void;
  stop(): void;
}

const NO_PROGRESS: Progress = { tick() {}, clearLine() {}, stop() {} };

/** A bar on stderr for long runs on a terminal; nothing when stderr is piped or logged. */
export function progressFor(total: number): Progress {
  if (total < MIN_FILES_FOR_BAR || !process.stderr.isTTY) return NO_PROGRESS;
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'checking {bar} {value}/{total} files | {percentage}% | eta {eta_formatted}',
      clearOnComplete: true,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    tick: () => bar.increment(),
    clearLine: () => {
      if (process.stdout.isTTY) process.stderr.write('\r\x1b[2K');
    },
    stop: () => bar.stop(),
  };
}
