import type { Block } from '@plexus/spec';
import { coxPH } from '@plexus/stats';

/**
 * Hazard ratio of each group against the first (reference) group, from a Cox model with the group as
 * its only covariate (Efron ties, as R's coxph). Undefined when the model cannot be fitted — a group
 * without events, say — with the reason for the reader.
 */
export function hazardRatios(
  time: Float64Array,
  event: Uint8Array,
  group: Array<string | null>,
  levels: string[],
  confLevel: number,
): { block: Block; subtitle: string[] } | { note: string } {
  const reference = levels[0];
  if (reference === undefined || levels.length < 2) return { note: 'One group only: no hazard ratio.' };
  let fit: ReturnType<typeof coxPH>;
  try {
    fit = coxPH({ time, event, covariates: { group }, reference: { group: reference }, confLevel });
  } catch (error) {
    return { note: `No hazard ratios: ${error instanceof Error ? error.message : String(error)}` };
  }
  const percent = Math.round(confLevel * 100);
  const rows = levels.slice(1).map((level) => {
    const term = fit.terms.find((candidate) => candidate.term === `group${level}`);
    return [level, reference, term?.hr ?? null, term?.lower ?? null, term?.upper ?? null, term?.p ?? null];
  });
  const subtitle = rows.map(
    ([level, , hr, lower, upper]) =>
      `${level} vs ${reference}: HR ${Number(hr).toFixed(2)} (${percent}% CI ${Number(lower).toFixed(2)}–${Number(upper).toFixed(2)})`,
  );
  return {
    subtitle,
    block: {
      id: 'hazard-ratios',
      type: 'table',
      title: `Hazard ratios against ${reference} (Cox, Efron ties)`,
      columns: [
        { id: 'group', label: 'Group', type: 'string' },
        { id: 'reference', label: 'Reference', type: 'string' },
        { id: 'hr', label: 'Hazard ratio', type: 'number' },
        { id: 'lower', label: `${percent}% CI lower`, type: 'number' },
        { id: 'upper', label: `${percent}% CI upper`, type: 'number' },
        { id: 'p', label: 'p (Wald)', type: 'number' },
      ],
      rows,
    },
  };
}
