import type { ResolvedNode } from './CohortTree.ts';
import { cohortSql, ParameterList, type SqlValue } from './cohortSql.ts';
import { describeCohort } from './describeCohort.ts';
import { normalizeCohort } from './normalizeCohort.ts';
import { type CohortModel, type FeatureLookup, resolveCohort } from './resolveCohort.ts';

export interface CompiledCohort {
  /** A condition over the entity table aliased `entity`, with $n placeholders; "true" for every entity. */
  where: string;
  /**
   * The steps of an attrition table: for a top-level all, one per criterion (each alone; the table
   * combines them cumulatively); otherwise the whole cohort as one step, or none for every entity.
   */
  steps: Array<{ condition: string; label: string }>;
  params: SqlValue[];
  /** The parameters of the step conditions (numbered on their own: DuckDB refuses unused parameters). */
  stepParams: SqlValue[];
  resolved: ResolvedNode;
}

/**
 * Compiles a cohort definition in three named phases — normalize (shape), resolve (names against the
 * model, values against types) and SQL (bound parameters only) — each failing with an InputError whose
 * details name the path, e.g. cohort.all[2].value.
 */
export async function compileCohort(
  cohort: unknown,
  model: CohortModel,
  lookupFeature: FeatureLookup,
  prefix = 'cohort',
): Promise<CompiledCohort> {
  const normalized = normalizeCohort(cohort, prefix);
  const resolved = await resolveCohort(normalized, model, lookupFeature);
  const params = new ParameterList();
  const where = cohortSql(resolved, params);
  const stepNodes = resolved.kind === 'all' ? resolved.children : resolved.kind === 'every' ? [] : [resolved];
  const stepParams = new ParameterList();
  const steps = stepNodes.map((node) => ({
    condition: cohortSql(node, stepParams),
    label: describeCohort(node),
  }));
  return { where, steps, params: params.values, stepParams: stepParams.values, resolved };
}
