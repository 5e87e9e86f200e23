import type { Frame, ManifestAttribute } from '@plexus/engine';
import { InputError } from '@plexus/spec';
import { type CoxPHResult, type CoxTies, coxPH } from '@plexus/stats';
import { groupLabels } from '../survival/kaplanMeierTables.ts';

export interface CoxModel {
  fit: CoxPHResult;
  /** Display label of each term, e.g. "Cell type: adeno vs squamous", "Age (per years)". */
  labels: Map<string, string>;
}

/**
 * Fits a Cox model of an endpoint on attributes of a frame: numbers as they are, categories and
 * booleans dummy-coded against their first level (booleans against false), as R's coxph codes factors.
 */
export function fitCoxModel(
  frame: Frame,
  endpointColumn: string,
  attributes: readonly ManifestAttribute[],
  options: { ties: CoxTies; confLevel: number },
): CoxModel {
  const outcome = frame.columns[endpointColumn];
  if (outcome?.type !== 'endpoint') throw new Error('frame lacks the endpoint');
  const covariates: Record<string, Float64Array | Array<string | null>> = {};
  const reference: Record<string, string> = {};
  const labels = new Map<string, string>();
  for (const attribute of attributes) {
    const column = frame.columns[attribute.id];
    if (!column) throw new Error(`frame lacks ${attribute.id}`);
    if (column.type === 'integer' || column.type === 'number') {
      covariates[attribute.id] = column.values;
      labels.set(
        attribute.id,
        attribute.unit ? `${attribute.label} (per ${attribute.unit.replace(/s$/, '')})` : attribute.label,
      );
    } else if (column.type === 'category' || column.type === 'boolean') {
      const values = groupLabels(column);
      const levels = (column.type === 'category' ? column.levels : ['false', 'true']).filter((level) =>
        values.includes(level),
      );
      const first = levels[0];
      if (first === undefined || levels.length < 2) {
        throw new InputError(
          `${attribute.label} has a single value in this cohort; leave it out of the model`,
        );
      }
      covariates[attribute.id] = values;
      reference[attribute.id] = first;
      for (const level of levels.slice(1))
        labels.set(`${attribute.id}${level}`, `${attribute.label}: ${level} vs ${first}`);
    } else {
      throw new InputError(
        `${attribute.label} is ${column.type}; a Cox model takes numbers, categories and booleans`,
      );
    }
  }
  const time = outcome.time;
  const event = Array.from(outcome.event, (value) => (value < 0 ? null : value));
  try {
    const fit = coxPH({
      time,
      event,
      covariates,
      reference,
      ties: options.ties,
      confLevel: options.confLevel,
    });
    return { fit, labels };
  } catch (error) {
    // Separation, a singular design or too few events are properties of the data asked about.
    throw new InputError(
      `the Cox model cannot be fitted: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
