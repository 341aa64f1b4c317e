import cliProgress from 'cli-progress';

/** Report progress of a long step: `done` of `total` units in `stage`. */
export type ProgressFn = (stage: string, done: number, total: number) => void;

/**
 * A progress reporter for the terminal: a bar per stage on a TTY, a line every ~10 % otherwise
 * (logs, CI), so long steps always show that they move.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ProgressFn & { stop(): void } {
  let stage = '';
  let bar: cliProgress.SingleBar | null = null;
  let lastTenth = -1;
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  const report = ((name: string, done: number, total: number) => {
    if (name !== stage) {
      stop();
      stage = name;
      lastTenth = -1;
      if (stream.isTTY) {
        bar = new cliProgress.SingleBar(
          { format: `  ${name.padEnd(28)} [{bar}] {percentage}% {value}/{total}`, stream, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
    }
    if (bar) {
      bar.setTotal(total);
      bar.update(done);
      if (done >= total) stop();
      return;
    }
    const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      stream.write(`  ${name}: ${done}/${total} (${tenth * 10}%)\n`);
    }
  }) as ProgressFn & { stop(): void };
  report.stop = stop;
  return report;
}
