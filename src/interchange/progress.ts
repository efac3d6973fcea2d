/**
 * The import's progress: a bar (cli-progress) on a terminal, else a plain line every few seconds
 * (a log file or CI gets lines it can read, not redrawn escapes).
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(rows: number, bytes: number): void;
  stop(): void;
}

const LINE_EVERY_MS = 5_000;

export function progressFor(totalBytes: number, out: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const rate = (rows: number) => Math.round(rows / Math.max((Date.now() - started) / 1000, 0.001));
  if (out.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'importing [{bar}] {percentage}% | {rows} rows | {rate} rows/s | {eta_formatted} left',
        stream: out,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(totalBytes, 1), 0, { rows: 0, rate: 0 });
    return {
      update: (rows, bytes) => bar.update(Math.min(bytes, totalBytes), { rows, rate: rate(rows) }),
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update(rows, bytes) {
      if (Date.now() - last < LINE_EVERY_MS) return;
      last = Date.now();
      const pct = totalBytes > 0 ? ` (${Math.floor((100 * bytes) / totalBytes)}% of the file)` : '';
      out.write(`importing: ${rows} rows read${pct}, ${rate(rows)} rows/s\n`);
    },
    stop() {},
  };
}
