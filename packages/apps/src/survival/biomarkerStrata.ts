import { InputError } from '@plexus/spec';
import { quantile } from '@plexus/stats';

export type BiomarkerSplit = 'median' | 'tertiles' | 'quartiles' | 'cutoff';

const PROBABILITIES: Record<Exclude<BiomarkerSplit, 'cutoff'>, number[]> = {
  median: [0.5],
  tertiles: [1 / 3, 2 / 3],
  quartiles: [0.25, 0.5, 0.75],
};
const PREFIX: Record<BiomarkerSplit, string> = { median: 'M', tertiles: 'T', quartiles: 'Q', cutoff: '' };

const format = (value: number): string => String(Number(value.toPrecision(4)));

/**
 * Cut points of a biomarker (R type-7 quantiles of the values present, or a given cutoff) and each
 * value's stratum, intervals closed on the right as R's `cut(..., include.lowest = TRUE)`. Tied
 * quantiles are merged, so no stratum is empty by construction.
 */
export function biomarkerStrata(
  values: Float64Array,
  split: BiomarkerSplit,
  cutoff: number | undefined,
): { cuts: number[]; labels: string[]; stratum: Array<string | null> } {
  const present = values.filter((value) => !Number.isNaN(value));
  if (present.length === 0) throw new InputError('no value of the biomarker is known in this cohort');
  let cuts: number[];
  if (split === 'cutoff') {
    if (cutoff === undefined || !Number.isFinite(cutoff)) {
      throw new InputError(
        "split 'cutoff' needs the cutoff parameter: the value that separates low from high",
        [{ at: 'cutoff', message: 'required when split is cutoff', expected: 'number' }],
      );
    }
    cuts = [cutoff];
  } else {
    cuts = [...new Set(PROBABILITIES[split].map((probability) => quantile(present, probability)))];
  }
  const labels = [
    ...cuts.map((cut, index) => {
      const range = index === 0 ? `≤ ${format(cut)}` : `${format(cuts[index - 1] ?? cut)}–${format(cut)}`;
      return PREFIX[split] ? `${PREFIX[split]}${index + 1}: ${range}` : range;
    }),
    `${PREFIX[split] ? `${PREFIX[split]}${cuts.length + 1}: ` : ''}> ${format(cuts[cuts.length - 1] ?? 0)}`,
  ];
  const stratum = Array.from(values, (value) => {
    if (Number.isNaN(value)) return null;
    const index = cuts.findIndex((cut) => value <= cut);
    return labels[index === -1 ? cuts.length : index] ?? null;
  });
  return { cuts, labels, stratum };
}
