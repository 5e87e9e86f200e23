import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

const MAX_HEADER_BYTES = 1 << 20;

/** Splits one CSV line into fields, honouring double quotes ("a,b" and "" inside quotes). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

/**
 * The column names on the first line of a CSV/TSV file (gzip or not), reading only as far as that
 * line: validating a product must not cost a pass over its data.
 */
export async function readCsvHeader(path: string, delimiter: string): Promise<string[]> {
  const raw = createReadStream(path, { highWaterMark: 64 * 1024 });
  const stream = /\.gz(ip)?$/i.test(path) ? raw.pipe(createGunzip()) : raw;
  let text = '';
  try {
    for await (const chunk of stream) {
      text += (chunk as Buffer).toString('utf8');
      const end = text.search(/\r?\n/);
      if (end >= 0) {
        text = text.slice(0, end);
        break;
      }
      if (text.length > MAX_HEADER_BYTES)
        throw new Error('no line break in the first MiB: is this a CSV file?');
    }
  } finally {
    raw.destroy();
  }
  return splitCsvLine(text.replace(/^\uFEFF/, ''), delimiter);
}
