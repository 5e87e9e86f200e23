import type { VariantTiming } from './entityCopyChild.ts';
import { formatProfile, formatVariants } from './formatReport.ts';
import { measureBuild, measureEntityCopy } from './measure.ts';
import type { BenchSummary } from './summarize.ts';
import type { TracedStatement } from './traceSql.ts';

export interface BuildProfile {
  statements: TracedStatement[];
  entityCopy: VariantTiming[];
}

/**
 * --profile: one more build with every DuckDB statement timed, then the entity COPY it sent replayed
 * beside the floor. Runs after the measured runs, so tracing never touches the figures above.
 */
export async function profileBuild(
  product: { dir: string; csvPath: string },
  work: string,
  summary: BenchSummary,
  log: (line: string) => void,
): Promise<{ profile: BuildProfile; text: string }> {
  log('profiling: one more build with every DuckDB statement timed');
  const statements = (await measureBuild(product.dir, work, true)).statements ?? [];
  const entitySql = statements.find(
    (statement) => statement.phase === 'read' && /^COPY\b/.test(statement.sql),
  );
  log('profiling: replaying the entity COPY beside the floor');
  const entityCopy = entitySql ? await measureEntityCopy(entitySql.sql, product.csvPath, work) : [];
  const text =
    formatProfile(statements, summary.build.phasesMs) +
    (entityCopy.length > 0 ? formatVariants(entityCopy) : '');
  return { profile: { statements, entityCopy }, text };
}
