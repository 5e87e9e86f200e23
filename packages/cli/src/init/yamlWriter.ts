/**
 * A small YAML writer for the files init generates: block style for structure, flow style
 * (`{ type: integer }`) for short leaves, and comments above the entries they explain. Generated files
 * are meant to be read and edited, so readability wins over generality.
 */

/** A value with a comment written on the lines above it. */
export class Commented {
  constructor(
    readonly comment: string,
    readonly value: unknown,
  ) {}
}

/** A value always written in block style, however short. */
export class Block {
  constructor(readonly value: unknown) {}
}

export const commented = (comment: string, value: unknown): Commented => new Commented(comment, value);
export const block = (value: unknown): Block => new Block(value);

const WIDTH = 100;
const KEYWORDS = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
const PLAIN = /^[A-Za-z_/(][A-Za-z0-9 _./()+%'-]*$/;

/** A scalar as YAML: plain when unambiguous, else double-quoted (a JSON string is valid YAML). */
export function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  if (PLAIN.test(text) && !KEYWORDS.test(text) && !/\s$/.test(text) && !text.includes(" '")) return text;
  return JSON.stringify(text);
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function hasMarkers(value: unknown): boolean {
  if (value instanceof Commented || value instanceof Block) return true;
  if (Array.isArray(value)) return value.some(hasMarkers);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasMarkers);
  return false;
}

function entries(value: object): Array<[string, unknown]> {
  return Object.entries(value).filter(([, child]) => child !== undefined);
}

/** Flow style of a value without markers: `{ a: 1, b: [x, y] }`. */
export function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const parts = entries(value).map(([key, child]) => `${scalar(key)}: ${flow(child)}`);
    return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
  }
  if (typeof value === 'string' && /[,[\]{}]/.test(value)) return JSON.stringify(value);
  return scalar(value);
}

function commentLines(comment: string, indent: string): string[] {
  return comment.split('\n').map((line) => (line === '' ? `${indent}#` : `${indent}# ${line}`));
}

/** Lines of `key: value` at an indentation, choosing flow style when it fits and nothing forbids it. */
function entryLines(prefix: string, value: unknown, indent: string, childIndent: string): string[] {
  let forceBlock = false;
  let inner = value;
  if (inner instanceof Block) {
    forceBlock = true;
    inner = inner.value;
  }
  if (isScalar(inner)) {
    if (typeof inner === 'string' && inner.includes('\n')) {
      const body = inner.replace(/\n$/, '').split('\n');
      return [`${indent}${prefix} |`, ...body.map((line) => (line === '' ? '' : `${childIndent}${line}`))];
    }
    return [`${indent}${prefix} ${scalar(inner)}`];
  }
  if (!forceBlock && !hasMarkers(inner)) {
    const line = `${indent}${prefix} ${flow(inner)}`;
    if (line.length <= WIDTH) return [line];
  }
  return [`${indent}${prefix}`, ...nodeLines(inner, childIndent)];
}

function nodeLines(value: unknown, indent: string): string[] {
  const lines: string[] = [];
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}[]`];
    for (const item of value) {
      let child = item;
      if (child instanceof Commented) {
        lines.push(...commentLines(child.comment, indent));
        child = child.value;
      }
      const isMap =
        (child instanceof Block ? child.value : child) !== null &&
        typeof (child instanceof Block ? child.value : child) === 'object' &&
        !Array.isArray(child instanceof Block ? child.value : child);
      if (
        isMap &&
        (child instanceof Block || hasMarkers(child) || `${indent}- ${flow(child)}`.length > WIDTH)
      ) {
        // A block map as a list item: its first entry shares the line with the dash, and comments
        // above that entry go above the dash.
        const mapLines = nodeLines(child instanceof Block ? child.value : child, `${indent}  `);
        const firstEntry = mapLines.findIndex((line) => !line.trimStart().startsWith('#'));
        for (const [index, line] of mapLines.entries()) {
          if (index < firstEntry) lines.push(`${indent}${line.trimStart()}`);
          else if (index === firstEntry) lines.push(`${indent}- ${line.slice(indent.length + 2)}`);
          else lines.push(line);
        }
      } else lines.push(...entryLines('-', child, indent, `${indent}  `));
    }
    return lines;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, raw] of entries(value)) {
      let child = raw;
      if (child instanceof Commented) {
        lines.push(...commentLines(child.comment, indent));
        child = child.value;
      }
      lines.push(...entryLines(`${scalar(key)}:`, child, indent, `${indent}  `));
    }
    return lines;
  }
  return [`${indent}${scalar(value)}`];
}

/** A YAML document: header comment lines (e.g. the schema line), then the value in block style. */
export function yamlDocument(value: Record<string, unknown>, header: readonly string[] = []): string {
  return `${[...header, ...nodeLines(value, '')].join('\n')}\n`;
}
