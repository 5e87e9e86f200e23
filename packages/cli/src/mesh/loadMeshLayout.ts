import { dirname, resolve } from 'node:path';
import { problemsFromSchemaIssues, readYamlFile } from '@plexus/engine';
import { checkDocument, formatProblem, InputError, type MeshLayout, MeshLayoutSchema } from '@plexus/spec';

/** A mesh layout with its product folders resolved against the file's folder. */
export interface LoadedMeshLayout extends MeshLayout {
  file: string;
}

/** Reads and checks a mesh layout; problems are reported as file:line:col with what was expected. */
export async function loadMeshLayout(file: string): Promise<LoadedMeshLayout> {
  const yaml = await readYamlFile(resolve(file), file);
  const problems = [
    ...yaml.problems,
    ...problemsFromSchemaIssues(yaml, checkDocument(MeshLayoutSchema, yaml.value)),
  ];
  const layout = yaml.value as MeshLayout | undefined;
  const ids = new Set<string>();
  const ports = new Set<number>();
  for (const node of problems.length === 0 && layout ? layout.nodes : []) {
    if (ids.has(node.id))
      problems.push({
        code: 'duplicate',
        severity: 'error',
        message: `node id ${node.id} is used twice`,
        at: { file },
      });
    if (ports.has(node.port))
      problems.push({
        code: 'duplicate',
        severity: 'error',
        message: `port ${node.port} is used twice`,
        at: { file },
      });
    ids.add(node.id);
    ports.add(node.port);
  }
  if (layout && layout.nodes?.filter((node) => node.catalog).length > 1)
    problems.push({
      code: 'invalid-value',
      severity: 'error',
      message: 'a mesh has at most one catalog node',
      at: { file },
    });
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0 || !layout)
    throw new InputError(
      `mesh layout ${file} is not usable:\n${errors.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`,
    );
  const base = dirname(resolve(file));
  return {
    ...layout,
    file,
    nodes: layout.nodes.map((node) => ({
      ...node,
      products: node.products.map((path) => resolve(base, path)),
    })),
  };
}
