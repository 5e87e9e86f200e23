import { describe, expect, it } from 'vitest';
import { generateWebApiTypes, OUTPUT, readCommitted } from './generate.ts';

describe('web API types', () => {
  it('are generated from the current OpenAPI document', async () => {
    const generated = await generateWebApiTypes();
    expect(generated).toContain('export interface paths');
    const committed = readCommitted();
    // toBe would print a diff of thousands of lines: the message says what to do instead.
    if (committed !== generated) {
      expect.fail(`${OUTPUT} is out of date: run npm run api-types`);
    }
  });
});
