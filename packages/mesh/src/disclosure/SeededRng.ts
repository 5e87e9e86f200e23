import { createHash } from 'node:crypto';
import { canonicalQuery } from './canonicalQuery.ts';

/**
 * A deterministic pseudo-random source. Disclosure noise must not be fresh randomness: if the same
 * question got new noise each time, asking it a hundred times and averaging would recover the exact
 * count (the noise's standard error falls as σ/√k). Seeding from the question makes a repeat return
 * the very same noisy answer, so repetition carries no information.
 */
export interface SeededRng {
  /** Uniform on [0, 1). */
  next(): number;
  /** Standard normal N(0, 1), by the Box–Muller transform. */
  normal(): number;
}

/** What the noise of one answer is derived from. */
export interface QuerySeedParts {
  readonly productId: string;
  /** The snapshot answered from: a new data version may legitimately give new noise. */
  readonly dataVersion: string;
  /** The question (normalised); canonicalised here, so key order does not matter. */
  readonly query: unknown;
  /**
   * A secret known only to the node: without it a querier could recompute the noise and subtract it.
   * Keep it stable across restarts, or repeats after a restart get new noise.
   */
  readonly nodeSecret: string;
  /** Separates independent uses on the same query (e.g. `count`, `table`). */
  readonly purpose?: string;
}

/** sha256 over the length-prefixed parts, so no two different part lists share a seed. */
export function querySeed(parts: QuerySeedParts): Uint8Array {
  const hash = createHash('sha256');
  for (const part of [
    'plexus-disclosure-v1',
    parts.productId,
    parts.dataVersion,
    canonicalQuery(parts.query),
    parts.nodeSecret,
    parts.purpose ?? '',
  ]) {
    const bytes = Buffer.from(part, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    hash.update(length).update(bytes);
  }
  return new Uint8Array(hash.digest());
}

/**
 * xoshiro128** whose state is the first 16 bytes of sha256(seed) — so that any seed, even a sparse
 * one, starts from a well-mixed state. Not cryptographic: its job is reproducible noise; the
 * unpredictability comes from the node secret in the seed.
 */
export function createSeededRng(seed: Uint8Array | string): SeededRng {
  const bytes = new Uint8Array(createHash('sha256').update(seed).digest());
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let a = view.getUint32(0);
  let b = view.getUint32(4);
  let c = view.getUint32(8);
  let d = view.getUint32(12);
  if ((a | b | c | d) === 0) a = 0x9e3779b9; // the all-zero state is a fixed point (odds 2^-128)

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c = (c ^ a) >>> 0;
    d = (d ^ b) >>> 0;
    b = (b ^ c) >>> 0;
    a = (a ^ d) >>> 0;
    c = (c ^ t) >>> 0;
    d = rotl(d, 11);
    return result;
  };
  const next = (): number => nextUint32() / 2 ** 32;
  return {
    next,
    normal() {
      // Box–Muller; u1 in (0, 1] keeps the logarithm finite. One draw per pair keeps the sequence
      // independent of how callers interleave next() and normal().
      const u1 = 1 - next();
      const u2 = next();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
