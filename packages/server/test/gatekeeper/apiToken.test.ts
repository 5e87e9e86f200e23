import { describe, expect, it } from 'vitest';
import {
  hashSecret,
  mintApiToken,
  parseApiToken,
  secretMatches,
} from '../../src/gatekeeper/tokens/apiToken.ts';

describe('personal API tokens', () => {
  it('mint a token whose secret is stored only as its hash', () => {
    const minted = mintApiToken();
    expect(minted.token).toMatch(/^plx_[A-Za-z0-9-]{12}_[A-Za-z0-9-]{43}$/);
    const parsed = parseApiToken(minted.token);
    expect(parsed?.id).toBe(minted.id);
    expect(minted.secretHash).toBe(hashSecret(parsed?.secret ?? ''));
    expect(minted.secretHash).not.toContain(parsed?.secret ?? '-');
  });

  it('never mint the same id or secret twice', () => {
    const tokens = Array.from({ length: 2000 }, () => mintApiToken());
    expect(new Set(tokens.map((token) => token.id)).size).toBe(2000);
    expect(new Set(tokens.map((token) => token.token)).size).toBe(2000);
  });

  it('accept the right secret and refuse any other, in constant time', () => {
    const minted = mintApiToken();
    const secret = parseApiToken(minted.token)?.secret ?? '';
    expect(secretMatches(secret, minted.secretHash)).toBe(true);
    expect(secretMatches(`${secret.slice(0, -1)}x`, minted.secretHash)).toBe(false);
    expect(secretMatches('', minted.secretHash)).toBe(false);
    expect(secretMatches(secret, 'not-hex')).toBe(false);
  });

  it('refuse strings that are not Plexus tokens', () => {
    for (const text of [
      '',
      'plx_',
      'Bearer plx_x_y',
      `plx_${'a'.repeat(12)}_${'b'.repeat(42)}`,
      'eyJhbGciOi.x.y',
    ])
      expect(parseApiToken(text)).toBeUndefined();
  });
});
