import { InputError } from '@plexus/spec';
import { describe, expect, it } from 'vitest';
import { openControlStore } from '../../src/control/openControlStore.ts';
import { hashTokenSecret, parsePresentedToken, presentToken } from '../../src/control/tokens.ts';

describe('openControlStore', () => {
  it('refuses unknown schemes without echoing the URL, which may hold a password', async () => {
    const error = await openControlStore('mysql://root:s3cret@db/plexus').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(
      JSON.stringify({ message: (error as InputError).message, details: (error as InputError).details }),
    ).not.toContain('s3cret');
  });

  it('needs a path after sqlite:', async () => {
    await expect(openControlStore('sqlite:')).rejects.toBeInstanceOf(InputError);
  });
});

describe('presented tokens', () => {
  it('split into id and secret at the first dot', () => {
    expect(parsePresentedToken(presentToken('tok_abc', 's3-cr_et'))).toEqual({
      id: 'tok_abc',
      secret: 's3-cr_et',
    });
    expect(parsePresentedToken('no-dot')).toBeNull();
    expect(parsePresentedToken('.secret')).toBeNull();
    expect(parsePresentedToken('id.')).toBeNull();
  });

  it('hash to lowercase hex SHA-256', () => {
    expect(hashTokenSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
