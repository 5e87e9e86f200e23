import type { Spread } from '../build/stats.ts';
import type { AssetSize } from './bundleSizes.ts';
import type { LoadResult } from './coldLoad.ts';
import type { Bytes } from './networkLog.ts';
import { type ProfileSummary, totalBytes } from './summarize.ts';

const ms = (value: number) => `${value.toFixed(0)} ms`;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const times = (value: number) => `${value.toFixed(1)}×`;
const range = (value: Spread) => `${value.min.toFixed(0)}–${value.max.toFixed(0)}`;
const row = (cells: readonly string[], widths: readonly number[]) =>
  cells.map((cell, index) => cell.padEnd(widths[index] ?? 12)).join('');

/** Time the load's bytes alone take at the profile's download cap: the share bandwidth explains. */
function transferTime(summary: ProfileSummary, bytes: Bytes): string {
  const throughput = summary.profile.downloadThroughput;
  return throughput > 0 ? ms((totalBytes(bytes) / throughput) * 1000) : '–';
}

export function formatTimes(summaries: readonly ProfileSummary[], runs: number): string {
  const widths = [14, 12, 20, 20, 20, 22];
  const lines = [
    '',
    `cold loads, median of ${runs} runs; × = median over runs of the time ÷ the floor of the same run`,
    row(
      ['profile', 'floor', 'DOMContentLoaded', 'catalog ready', 'first chart', 'catalog bytes ÷ cap'],
      widths,
    ),
  ];
  for (const summary of summaries)
    lines.push(
      row(
        [
          summary.profile.name,
          ms(summary.floor.median),
          `${ms(summary.dcl.median)} ${times(summary.ratios.dcl)}`,
          `${ms(summary.catalogReady.median)} ${times(summary.ratios.catalogReady)}`,
          `${ms(summary.firstChart.median)} ${times(summary.ratios.firstChart)}`,
          transferTime(summary, summary.bytes.catalog),
        ],
        widths,
      ),
    );
  lines.push('', 'min–max over runs, ms');
  for (const summary of summaries)
    lines.push(
      row(
        [
          summary.profile.name,
          range(summary.floor),
          range(summary.dcl),
          range(summary.catalogReady),
          range(summary.firstChart),
        ],
        widths,
      ),
    );
  lines.push('', 'profiles:');
  for (const summary of summaries) lines.push(`  ${summary.profile.name.padEnd(12)}${summary.profile.label}`);
  return lines.join('\n');
}

export function formatBytes(summaries: readonly ProfileSummary[]): string {
  const widths = [26, 12, 12, 12, 12, 12, 10];
  const lines = [
    '',
    'bytes over the wire per cold load (encodedDataLength, headers included; median over loads)',
    row(['load', 'JS', 'CSS', 'API JSON', 'other', 'total', 'requests'], widths),
  ];
  // The bytes do not depend on the throttling; the first profile's loads stand for all of them.
  const first = summaries[0];
  if (!first) return '';
  const line = (name: string, bytes: Bytes, requests: string) =>
    row(
      [name, kB(bytes.js), kB(bytes.css), kB(bytes.api), kB(bytes.other), kB(totalBytes(bytes)), requests],
      widths,
    );
  lines.push(line('floor page', first.bytes.floor, '2'));
  lines.push(line('catalog (#/)', first.bytes.catalog, String(first.requests.catalog)));
  lines.push(line('product (#/products/…)', first.bytes.product, String(first.requests.product)));
  lines.push('  other = the HTML document and anything that is neither script, style nor API JSON');
  return lines.join('\n');
}

export function formatBundle(sizes: readonly AssetSize[]): string {
  const widths = [44, 12, 12, 10];
  const lines = ['', 'packages/web/dist', row(['file', 'raw', 'gzip', 'first load'], widths)];
  for (const size of sizes)
    lines.push(row([size.file, kB(size.raw), kB(size.gzip), size.initial ? 'yes' : 'no'], widths));
  const initial = sizes.filter((size) => size.initial);
  lines.push(
    row(
      [
        'first load (index.html and what it links)',
        kB(initial.reduce((sum, size) => sum + size.raw, 0)),
        kB(initial.reduce((sum, size) => sum + size.gzip, 0)),
        '',
      ],
      widths,
    ),
  );
  return lines.join('\n');
}

/** The requests of one load in the order they started, times from the first request's start. */
export function formatWaterfall(title: string, load: LoadResult): string {
  const origin = load.requests[0]?.start ?? 0;
  const lines = ['', `${title}: DOMContentLoaded ${ms(load.dcl)}, ready ${ms(load.ready)}`];
  for (const request of load.requests) {
    const start = (request.start - origin) * 1000;
    const end = request.end === undefined ? '…' : ((request.end - origin) * 1000).toFixed(0);
    lines.push(
      `  ${start.toFixed(0).padStart(6)}–${end.padEnd(7)}${String(request.status).padEnd(5)}${request.category.padEnd(7)}${kB(request.bytes ?? 0).padStart(10)}  ${request.path}`,
    );
  }
  return lines.join('\n');
}
