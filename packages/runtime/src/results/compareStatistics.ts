import type { StatisticBlock, StatisticChange } from '@plexus/spec';
import { numberChangeIfDifferent } from './numberChange.ts';
import { textChangeIfDifferent } from './textChange.ts';

/** The fields of two statistic blocks with one id that differ: value, CI bounds and level, p, df, labels. */
export function compareStatistics(a: StatisticBlock, b: StatisticBlock): StatisticChange {
  const fields = {
    title: textChangeIfDifferent(a.title, b.title),
    name: textChangeIfDifferent(a.name, b.name),
    unit: textChangeIfDifferent(a.unit, b.unit),
    method: textChangeIfDifferent(a.method, b.method),
    value: numberChangeIfDifferent(a.value, b.value),
    ciLower: numberChangeIfDifferent(a.ci?.lower, b.ci?.lower),
    ciUpper: numberChangeIfDifferent(a.ci?.upper, b.ci?.upper),
    ciLevel: numberChangeIfDifferent(a.ci?.level, b.ci?.level),
    p: numberChangeIfDifferent(a.p, b.p),
    df: numberChangeIfDifferent(a.df, b.df),
  };
  const present = Object.entries(fields).filter(([, change]) => change !== undefined);
  return { id: a.id, type: 'statistic', ...Object.fromEntries(present) };
}
