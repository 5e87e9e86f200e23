import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../packages/cli/src/exitCodes.ts';

const CLI = resolve(import.meta.dirname, '../../packages/cli/bin/plexus.mjs');
const PRODUCT = resolve(import.meta.dirname, '../../products/va-lung-trial');

/** `plexus serve` refuses settings it cannot use before it builds or opens anything. */
describe('plexus serve settings from the environment', () => {
  it('refuses an unknown log level, naming the variable, the levels and what it found', () => {
    const result = spawnSync(process.execPath, [CLI, 'serve', PRODUCT, '--port', '0'], {
      env: { ...process.env, PLEXUS_LOG_LEVEL: 'loud' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(EXIT.usage);
    expect(result.stderr).toContain(
      'PLEXUS_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    );
    expect(result.stderr).toContain("found 'loud'");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
