import { readFile } from 'node:fs/promises';
import type { Problem } from '@plexus/spec';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

export type DocumentPath = ReadonlyArray<string | number>;

/** A parsed YAML file that can say where any value (or key) of it sits, for error messages. */
export interface YamlFile {
  /** Path shown to users: relative to the product folder. */
  file: string;
  value: unknown;
  problems: Problem[];
  locate(path: DocumentPath, atKey?: boolean): { line: number; column: number } | undefined;
  /** The text of the scalar at `path` as written (1.0 stays 1.0), or undefined. */
  sourceText(path: DocumentPath): string | undefined;
}

export async function readYamlFile(absolutePath: string, displayPath: string): Promise<YamlFile> {
  let text: string;
  try {
    text = await readFile(absolutePath, 'utf8');
  } catch {
    return {
      file: displayPath,
      value: undefined,
      problems: [
        {
          code: 'file-missing',
          severity: 'error',
          message: `cannot read ${displayPath}`,
          at: { file: displayPath },
        },
      ],
      locate: () => undefined,
      sourceText: () => undefined,
    };
  }
  return parseYamlText(text, displayPath);
}

export function parseYamlText(text: string, file: string): YamlFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Only the first syntax error: the ones after it are nearly always its consequences.
  const problems: Problem[] = document.errors.slice(0, 1).map((error) => {
    const message = (error.message.split('\n')[0] ?? error.message).replace(
      / at line \d+, column \d+:?$/,
      '',
    );
    const closer = /end with an? ([\]}])/.exec(message)?.[1];
    const offset = closer ? (unclosedOpener(text, error.pos[0], closer) ?? error.pos[0]) : error.pos[0];
    const position = lineCounter.linePos(offset);
    return {
      code: 'yaml-syntax',
      severity: 'error',
      message,
      at: { file, line: position.line, column: position.col },
    };
  });
  const locate = (path: DocumentPath, atKey = false) => {
    const offset = offsetOf(document.contents, path, atKey);
    if (offset === undefined) return undefined;
    const position = lineCounter.linePos(offset);
    return { line: position.line, column: position.col };
  };
  const sourceText = (path: DocumentPath) => {
    const node = document.getIn(path, true) as Node | undefined;
    return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
  };
  return { file, value: problems.length > 0 ? undefined : document.toJS(), problems, locate, sourceText };
}

/** Offset of the node at `path`, or of the deepest ancestor that exists (so a missing key points at its parent). */
function offsetOf(root: unknown, path: DocumentPath, atKey: boolean): number | undefined {
  let node = root as Node | null | undefined;
  let offset = node?.range?.[0];
  for (let index = 0; index < path.length; index++) {
    const segment = path[index];
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) return offset;
      const key = pair.key as Node;
      if (last && atKey) return key.range?.[0] ?? offset;
      node = (pair.value as Node | null) ?? key;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return offset;
      node = item;
    } else {
      return offset;
    }
    offset = node?.range?.[0] ?? offset;
  }
  return offset;
}

/** Where the flow collection that was never closed begins: the bracket a person has to fix. */
function unclosedOpener(text: string, before: number, closer: string): number | undefined {
  const opener = closer === ']' ? '[' : '{';
  let depth = 0;
  for (let index = Math.min(before, text.length) - 1; index >= 0; index--) {
    const char = text[index];
    if (char === ']' || char === '}') depth++;
    else if (char === '[' || char === '{') {
      if (depth === 0) return char === opener ? index : undefined;
      depth--;
    }
  }
  return undefined;
}
