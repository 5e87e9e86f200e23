import type { AttributeSummary } from '../api/types.ts';

const WIDTH = 160;
const HEIGHT = 36;

/** A small bar chart of an attribute's distribution: counts per level, or the histogram of a number. */
export function Distribution({ summary, label }: { summary: AttributeSummary; label: string }) {
  const bars = summary.levels
    ? summary.levels.map((level) => ({ name: level.value, count: level.count }))
    : summary.histogram
      ? summary.histogram.counts.map((count, i) => ({
          name: `${summary.histogram?.edges[i] ?? ''}–${summary.histogram?.edges[i + 1] ?? ''}`,
          count,
        }))
      : [];
  if (bars.length === 0) return null;
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const step = WIDTH / bars.length;
  // Screen readers get the numbers the bars stand for.
  const description = summary.levels
    ? bars.map((bar) => `${bar.name}: ${bar.count}`).join(', ')
    : `from ${summary.min} to ${summary.max}, median ${summary.quartiles?.[1] ?? '?'}, mean ${
        summary.mean === undefined ? '?' : summary.mean.toFixed(1)
      }`;
  return (
    <svg
      className="distribution"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Distribution of ${label}: ${description}`}
    >
      {bars.map((bar, i) => {
        const h = (bar.count / max) * (HEIGHT - 2);
        return (
          <rect key={bar.name} x={i * step + 0.5} y={HEIGHT - h} width={Math.max(1, step - 1)} height={h}>
            <title>{`${bar.name}: ${bar.count}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
