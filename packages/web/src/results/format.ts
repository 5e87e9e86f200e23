/** Number formatting for result tables and statistic cards. */

/** A p-value: below 0.001 in exponent notation with two significant digits (2.3e-5), else three decimals. */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return '—';
  if (p === 0) return '0';
  if (p < 0.001) return p.toExponential(1);
  return p.toFixed(3);
}

/** Plain text of a number with grouped thousands, e.g. 2742563 → "2,742,563". */
function grouped(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

/**
 * A number for reading: integers in full (grouped), other values with four significant digits,
 * very small or very large ones in exponent notation. Missing is an em dash.
 */
export function formatNumber(value: number | null | undefined, integer = false): string {
  if (value === null || value === undefined) return '—';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (integer || Number.isInteger(value)) {
    return Math.abs(value) < 1e15 ? grouped(value) : value.toExponential(3);
  }
  const size = Math.abs(value);
  if (size < 1e-3) return value.toExponential(2);
  if (size >= 1e15) return value.toExponential(3);
  if (size >= 1000) return grouped(value);
  return String(Number(value.toPrecision(4)));
}

/** A table cell for display. */
export function formatCell(value: string | number | boolean | null | undefined, type: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return formatNumber(value, type === 'integer');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}
