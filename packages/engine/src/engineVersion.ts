import { readFileSync } from 'node:fs';

/** Version of the engine that built a snapshot; recorded in manifests and provenance. */
export const ENGINE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
