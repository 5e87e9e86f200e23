import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { schemaCatalog, toJsonSchemaDocument } from '@plexus/spec';
import { EXIT } from '../exitCodes.ts';

/** Writes the JSON Schema of every document kind, for editors (yaml-language-server) and other tools. */
export async function schemasCommand(outDir: string): Promise<number> {
  await mkdir(outDir, { recursive: true });
  for (const { file, schema } of schemaCatalog) {
    await writeFile(join(outDir, file), `${JSON.stringify(toJsonSchemaDocument(schema), null, 2)}\n`);
    process.stdout.write(`${join(outDir, file)}\n`);
  }
  return EXIT.ok;
}
