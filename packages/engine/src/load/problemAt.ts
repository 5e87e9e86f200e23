import type { Problem, ProblemCode, SchemaIssue } from '@plexus/spec';
import type { DocumentPath, YamlFile } from '../yaml/YamlFile.ts';

/** `attributes[2].column` — how a path inside a document is shown to people. */
export function formatPath(path: DocumentPath): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}

export function problemAt(
  file: YamlFile,
  path: DocumentPath,
  code: ProblemCode,
  message: string,
  options: { atKey?: boolean; severity?: 'error' | 'warning' } = {},
): Problem {
  const position = file.locate(path, options.atKey);
  return {
    code,
    severity: options.severity ?? 'error',
    message,
    at: { file: file.file, ...(position ?? {}), path: formatPath(path) },
  };
}

export function problemsFromSchemaIssues(file: YamlFile, issues: readonly SchemaIssue[]): Problem[] {
  return issues.map((issue) => {
    const where = formatPath(issue.path);
    const message = where === '' ? issue.message : `${where}: ${issue.message}`;
    return problemAt(file, issue.path, issue.code, message, { atKey: issue.atKey ?? false });
  });
}
