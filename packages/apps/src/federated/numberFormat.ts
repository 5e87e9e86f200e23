/** A table or statistic cell: the number, or null where it is NaN or infinite (R's NA). */
export function numberCell(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}

/** A number for prose: three significant digits, or "NA". */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  const cell = numberCell(value);
  return cell === null ? 'NA' : String(Number(cell.toPrecision(digits)));
}

/** A p-value for prose. */
export function formatP(p: number | null | undefined): string {
  const cell = numberCell(p);
  if (cell === null) return 'NA';
  return cell < 0.001 ? '< 0.001' : `= ${Number(cell.toPrecision(2))}`;
}
