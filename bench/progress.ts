/** A one-line progress bar on stderr (redrawn on a terminal, a line per 10 % otherwise). */

export interface ProgressBar {
  update(done: number): void;
  done(): void;
}

export function progressBar(what: string, total: number, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const started = Date.now();
  let lastTenth = -1;
  const line = (done: number) => {
    const ratio = total === 0 ? 1 : done / total;
    const filled = Math.round(ratio * 30);
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    return `[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${what} · ${rate.toLocaleString('en')} ${what}/s`;
  };
  return {
    update(done) {
      if (stream.isTTY) stream.write(`\r${line(done)}`);
      else {
        const tenth = Math.floor((done / Math.max(1, total)) * 10);
        if (tenth !== lastTenth) {
          lastTenth = tenth;
          stream.write(`${line(done)}\n`);
        }
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
