import cliProgress from 'cli-progress';

export interface Progress {
  update(fraction: number, label: string): void;
  stop(): void;
}

/** A progress bar on a terminal; nothing when output is piped or in CI logs. */
export function progressBar(title: string, stream: NodeJS.WriteStream = process.stdout): Progress {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${title} {bar} {percentage}% | {label}`, hideCursor: true, clearOnComplete: true, stream },
    cliProgress.Presets.shades_classic,
  );
  bar.start(100, 0, { label: '' });
  return {
    update: (fraction, label) => bar.update(Math.round(fraction * 100), { label }),
    stop: () => bar.stop(),
  };
}
