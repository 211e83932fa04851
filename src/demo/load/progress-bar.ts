// Progress of a demo build on the terminal: a cli-progress bar per stage on a TTY, and one line
// per stage (with the time the previous one took) when stderr is a file or a pipe, where a
// redrawn bar would only fill a log with control characters.
import { Presets, SingleBar } from 'cli-progress';
import type { LoadProgress, LoadStage } from './load-progress.ts';
import { LOAD_STAGES } from './load-progress.ts';

/** Where progress goes: stderr, or any writable stream that says whether it is a terminal. */
export type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean };

function stageLabel(name: LoadStage): string {
  return `[${LOAD_STAGES.indexOf(name) + 1}/${LOAD_STAGES.length}] ${name}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

class BarProgress implements LoadProgress {
  readonly #stream: ProgressStream;
  #bar: SingleBar | undefined;

  constructor(stream: ProgressStream) {
    this.#stream = stream;
  }

  stage(name: LoadStage, total: number): void {
    this.#bar?.stop();
    this.#bar = new SingleBar(
      {
        stream: this.#stream,
        format: `${stageLabel(name).padEnd(42)} {bar} {percentage}% | {value}/{total} | {duration_formatted}`,
        hideCursor: true,
        barsize: 30,
      },
      Presets.shades_classic,
    );
    this.#bar.start(Math.max(1, total), 0);
  }

  advance(records: number): void {
    this.#bar?.increment(records);
  }

  finish(): void {
    this.#bar?.stop();
    this.#bar = undefined;
  }
}

class LineProgress implements LoadProgress {
  readonly #stream: ProgressStream;
  readonly #started = Date.now();
  #stageStarted = Date.now();
  #current: string | undefined;

  constructor(stream: ProgressStream) {
    this.#stream = stream;
  }

  #close(): void {
    if (this.#current !== undefined) {
      this.#stream.write(`    done in ${seconds(Date.now() - this.#stageStarted)}\n`);
    }
  }

  stage(name: LoadStage, total: number): void {
    this.#close();
    this.#current = name;
    this.#stageStarted = Date.now();
    this.#stream.write(`${stageLabel(name)} (${total.toLocaleString('en')} records)\n`);
  }

  advance(): void {
    // One line per stage only: nothing per record.
  }

  finish(): void {
    this.#close();
    this.#current = undefined;
    this.#stream.write(`built in ${seconds(Date.now() - this.#started)}\n`);
  }
}

/**
 * A bar per stage when `stream` is a terminal, else a line per stage.
 *
 * @example const progress = progressOn(process.stderr);
 */
export function progressOn(stream: ProgressStream): LoadProgress {
  return stream.isTTY === true ? new BarProgress(stream) : new LineProgress(stream);
}
