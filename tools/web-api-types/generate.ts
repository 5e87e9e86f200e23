// Generates the web client's API types (packages/web/src/api/openapi.gen.ts) from the node's OpenAPI
// document, built in process: a change of an answer's shape on the server becomes a compile error in the
// client. Run with `npm run api-types`; tools/web-api-types/generate.test.ts fails when the file is stale.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CatalogStore } from '@plexus/mesh';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { OPENAPI_PATH } from '../../packages/server/src/openapi/registerOpenApi.ts';
import { createTestServer } from '../../packages/server/src/testing/createTestServer.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');
/** The generated file, relative to the repository's root. */
export const OUTPUT = 'packages/web/src/api/openapi.gen.ts';

const HEADER = `/**
 * GENERATED FILE: do not edit by hand.
 *
 * The types of the node's HTTP API, generated from its OpenAPI document (${OPENAPI_PATH}) by
 * openapi-typescript. Regenerate after changing a route's schema: npm run api-types
 * (tools/web-api-types/generate.ts). A test fails when this file is out of date.
 */

`;

/** The node's OpenAPI document, with the catalog role so that the catalog's routes are included. */
export async function buildOpenApiDocument(): Promise<OpenAPI3> {
  const catalog = new CatalogStore();
  const app = await createTestServer({ catalog: { store: catalog } });
  try {
    const response = await app.inject({ method: 'GET', url: OPENAPI_PATH });
    if (response.statusCode !== 200) {
      throw new Error(`GET ${OPENAPI_PATH} answered ${response.statusCode}: ${response.body}`);
    }
    return response.json() as OpenAPI3;
  } finally {
    await app.close();
    catalog.close();
  }
}

/** Formats TypeScript source as `biome format` would, so that the generated file passes `biome check`. */
function formatWithBiome(source: string): string {
  // From standard input, named as the output file, so that the repository's biome.json applies.
  const result = spawnSync(
    join(repoRoot, 'node_modules/.bin/biome'),
    ['format', `--stdin-file-path=${OUTPUT}`],
    { cwd: repoRoot, input: source, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    throw new Error(`biome format failed (${result.status}): ${result.stderr}`);
  }
  return result.stdout;
}

/** The content of packages/web/src/api/openapi.gen.ts, generated in memory. */
export async function generateWebApiTypes(): Promise<string> {
  const document = await buildOpenApiDocument();
  const ast = await openapiTS(document, {
    // A property with a default is not necessarily present in an answer.
    defaultNonNullable: false,
    silent: true,
  });
  return formatWithBiome(HEADER + astToString(ast));
}

/** The committed file, or null when there is none. */
export function readCommitted(): string | null {
  try {
    return readFileSync(join(repoRoot, OUTPUT), 'utf8');
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const source = await generateWebApiTypes();
  writeFileSync(join(repoRoot, OUTPUT), source);
  console.log(`wrote ${OUTPUT}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
