import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaCatalog, toJsonSchemaDocument } from '../src/index.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name.startsWith('.') || entry.name === 'node_modules' ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

describe('exported JSON Schemas', () => {
  it.each(schemaCatalog.map((entry) => [entry.file, entry]))(
    'schemas/%s is up to date (run npm run schemas)',
    (file, entry) => {
      const committed = JSON.parse(readFileSync(join(ROOT, 'schemas', file), 'utf8')) as unknown;
      expect(committed).toEqual(toJsonSchemaDocument(entry.schema));
    },
  );

  it('is referenced by every example YAML document, with the schema of its kind', () => {
    const byKind: Record<string, string> = {
      DataProduct: 'product.schema.json',
      Mapping: 'mapping.schema.json',
      Protocol: 'protocol.schema.json',
      ProductTest: 'product-test.schema.json',
      MeshLayout: 'mesh-layout.schema.json',
    };
    const files = yamlFiles(join(ROOT, 'products'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const kind = /^kind:\s*(\w+)/m.exec(text)?.[1] ?? '';
      const modeline = /^# yaml-language-server: \$schema=(\S+)/.exec(text)?.[1];
      expect(modeline, `${file} names its schema on the first line`).toBeDefined();
      const target = resolve(dirname(file), modeline ?? '');
      expect(target, file).toBe(join(ROOT, 'schemas', byKind[kind] ?? 'unknown'));
    }
  });
});
