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
    // An unknown key names itself in the message: prefix the object that holds it.
    const where = formatPath(issue.atKey ? issue.path.slice(0, -1) : issue.path);
    // YAML reads 1.0 as the number 1: quote the value as the person wrote it.
    const written = file.sourceText(issue.path);
    const text = written
      ? issue.message.replace(/found number \S+$/, `found number ${written}`)
      : issue.message;
    const message = where === '' ? text : `${where}: ${text}`;
    return problemAt(file, issue.path, issue.code, message, { atKey: issue.atKey ?? false });
  });
}
