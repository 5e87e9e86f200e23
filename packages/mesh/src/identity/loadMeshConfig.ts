import { formatPath, problemAt, problemsFromSchemaIssues, readYamlFile, type YamlFile } from '@plexus/engine';
import {
  checkDocument,
  formatLocation,
  formatProblem,
  InputError,
  type MeshConfig,
  MeshConfigSchema,
  type Problem,
} from '@plexus/spec';
import { nodeJwksUrl } from './nodeJwksUrl.ts';
import { isSecureUrl } from './secureUrl.ts';

/** A mesh configuration file that cannot be used; `problems` say where and why (file:line:column). */
export class MeshConfigError extends InputError {
  readonly problems: readonly Problem[];

  constructor(file: string, problems: readonly Problem[]) {
    super(
      `mesh configuration ${file} is not usable:\n${problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`,
      problems.map((problem) => ({ at: formatLocation(problem), message: problem.message })),
    );
    this.problems = problems;
  }
}

/**
 * Reads a node's mesh configuration (YAML, `kind: Mesh`; see docs/mesh-trust.md). `displayPath` is
 * how the file is named in messages (default: `file` as given). Throws `MeshConfigError` listing every
 * problem with its line and column.
 */
export async function loadMeshConfig(file: string, displayPath: string = file): Promise<MeshConfig> {
  const yaml = await readYamlFile(file, displayPath);
  const { value, problems } = checkMeshConfig(yaml);
  if (!value) throw new MeshConfigError(displayPath, problems);
  return value;
}

/** The schema and the rules it cannot express: unique node ids, https off loopback. */
export function checkMeshConfig(file: YamlFile): { value?: MeshConfig; problems: Problem[] } {
  if (file.problems.length > 0) return { problems: file.problems };
  const schemaProblems = problemsFromSchemaIssues(file, checkDocument(MeshConfigSchema, file.value));
  if (schemaProblems.length > 0) return { problems: schemaProblems };
  const config = file.value as MeshConfig;
  const problems: Problem[] = [];
  const insecure = (path: Array<string | number>, url: string) => {
    if (!isSecureUrl(url)) {
      problems.push(
        problemAt(
          file,
          path,
          'invalid-value',
          `${formatPath(path)}: must be an https:// URL (http:// only on loopback), found ${url}`,
        ),
      );
    }
  };
  insecure(['node', 'url'], config.node.url);
  if (config.catalog !== undefined) insecure(['catalog'], config.catalog);
  const seen = new Map<string, number>();
  config.trust.nodes.forEach((node, index) => {
    const first = seen.get(node.id);
    if (first !== undefined) {
      problems.push(
        problemAt(
          file,
          ['trust', 'nodes', index, 'id'],
          'duplicate-id',
          `trust.nodes[${index}].id: node ${node.id} is already listed as trust.nodes[${first}]`,
        ),
      );
    } else {
      seen.set(node.id, index);
    }
    if (node.jwksUrl !== undefined) insecure(['trust', 'nodes', index, 'jwksUrl'], nodeJwksUrl(node));
    else insecure(['trust', 'nodes', index, 'url'], node.url);
  });
  return problems.length > 0 ? { problems } : { value: config, problems };
}
