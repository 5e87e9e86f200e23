import { type Spread, spread } from '../build/stats.ts';
import type { LoadResult } from './load.ts';
import type { BenchOptions } from './options.ts';
import { type StoreProfile, VARIANT_LABEL, type Variant } from './variants.ts';

/** The target: the gatekeeper costs less than this share of the open server's throughput. */
export const TARGET_LOSS = 0.1;

export type Measurement = LoadResult & { cpuUsPerRequest: number };
export type RoundResult = Partial<Record<Variant, Measurement>>;

export interface VariantSummary {
  variant: Variant;
  rps: Spread;
  p50: Spread;
  p99: Spread;
  cpuUsPerRequest: Spread;
  /** Per round, 1 − this / open of the same round; absent for open itself. */
  losses?: number[];
  loss?: Spread;
  /**
   * Per round, 1 − open CPU/request ÷ this CPU/request: the loss when the server is CPU-bound. Steadier
   * than req/s on a shared machine, where the load generator and other work compete for the cores.
   */
  cpuLoss?: Spread;
}

export interface Summary {
  options: BenchOptions;
  loadBefore: number;
  loadAfter: number;
  postgres: boolean;
  rounds: RoundResult[];
  variants: VariantSummary[];
  verdict: Array<{ variant: Variant; medianLoss: number; met: boolean }>;
  profile?: Array<{ variant: Variant; cpuUsPerRequest: number; profile: StoreProfile | null }>;
}

export function summarize(
  options: BenchOptions,
  variants: readonly Variant[],
  rounds: RoundResult[],
  loadBefore: number,
  loadAfter: number,
  postgres: boolean,
): Summary {
  const of = (variant: Variant) => rounds.map((round) => round[variant] as Measurement);
  const summaries = variants.map((variant): VariantSummary => {
    const runs = of(variant);
    const base: VariantSummary = {
      variant,
      rps: spread(runs.map((run) => run.rps)),
      p50: spread(runs.map((run) => run.p50)),
      p99: spread(runs.map((run) => run.p99)),
      cpuUsPerRequest: spread(runs.map((run) => run.cpuUsPerRequest)),
    };
    if (variant === 'open') return base;
    const losses = rounds.map((round) => 1 - (round[variant]?.rps ?? 0) / (round.open?.rps ?? 1));
    const cpuLosses = rounds.map(
      (round) => 1 - (round.open?.cpuUsPerRequest ?? 0) / (round[variant]?.cpuUsPerRequest ?? 1),
    );
    return { ...base, losses, loss: spread(losses), cpuLoss: spread(cpuLosses) };
  });
  const verdict = summaries
    .filter((entry) => entry.variant === 'gated-sqlite' || entry.variant === 'gated-postgres')
    .map((entry) => {
      const medianLoss = entry.loss?.median ?? Number.NaN;
      return { variant: entry.variant, medianLoss, met: medianLoss < TARGET_LOSS };
    });
  return { options, loadBefore, loadAfter, postgres, rounds, variants: summaries, verdict };
}

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const fixed = (value: number, digits = 0) => value.toFixed(digits);
const range = (value: Spread, digits = 0, unit = '') =>
  `${fixed(value.median, digits)}${unit} (${fixed(value.min, digits)}–${fixed(value.max, digits)})`;

export function formatReport(summary: Summary): string {
  const { options } = summary;
  const lines = [
    '',
    `GET /api/v1/products/<id>, ${options.connections} connections, ${options.rounds} rounds × ${options.duration} s, each in a fresh server`,
    `load average before ${summary.loadBefore.toFixed(2)}, after ${summary.loadAfter.toFixed(2)}`,
    '',
    'median (min–max) over rounds',
    `${'variant'.padEnd(38)}${'req/s'.padEnd(20)}${'p50 ms'.padEnd(14)}${'p99 ms'.padEnd(14)}${'server CPU µs/req'.padEnd(20)}${'loss vs open'.padEnd(26)}CPU-bound loss`,
  ];
  for (const entry of summary.variants) {
    lines.push(
      `${VARIANT_LABEL[entry.variant].padEnd(38)}${range(entry.rps).padEnd(20)}${range(entry.p50).padEnd(14)}${range(entry.p99).padEnd(14)}${range(entry.cpuUsPerRequest).padEnd(20)}${(entry.loss ? `${pct(entry.loss.median)} (${pct(entry.loss.min)}–${pct(entry.loss.max)})` : '–').padEnd(26)}${entry.cpuLoss ? `${pct(entry.cpuLoss.median)} (${pct(entry.cpuLoss.min)}–${pct(entry.cpuLoss.max)})` : '–'}`,
    );
  }
  lines.push('', 'per round, loss = 1 − gated / open of the same round');
  for (const entry of summary.variants) {
    if (!entry.losses) continue;
    lines.push(`  ${entry.variant.padEnd(24)}${entry.losses.map(pct).join('  ')}`);
  }
  if (!summary.postgres) lines.push('', 'PostgreSQL: skipped (set PLEXUS_TEST_POSTGRES_URL to measure it)');
  lines.push('');
  for (const { variant, medianLoss, met } of summary.verdict)
    lines.push(
      `target: loss < ${pct(TARGET_LOSS)} — ${variant}: ${pct(medianLoss)} ${met ? 'MET' : 'MISSED'}`,
    );
  lines.push('');
  return lines.join('\n');
}

export function formatProfile(
  runs: Array<{ variant: Variant; cpuUsPerRequest: number; profile: StoreProfile | null }>,
): string {
  const lines = ['', 'store calls per product request (the audit hook appends one entry per request)'];
  for (const { variant, cpuUsPerRequest, profile } of runs) {
    if (!profile) continue;
    const requests = profile.appendAudit?.calls ?? 0;
    lines.push(
      `${VARIANT_LABEL[variant]}: ${requests} requests, server CPU ${cpuUsPerRequest.toFixed(0)} µs/req`,
    );
    const methods = Object.entries(profile).sort(([, a], [, b]) => b.ms - a.ms);
    for (const [method, { calls, ms }] of methods)
      lines.push(
        `  ${method.padEnd(22)}${(calls / requests).toFixed(2).padStart(6)} calls/req  ${((ms / calls) * 1000).toFixed(0).padStart(7)} µs/call until settled`,
      );
  }
  lines.push('');
  return lines.join('\n');
}
