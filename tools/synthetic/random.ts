/**
 * A small seeded pseudo-random generator for the synthetic products: the same seed gives the same
 * sequence on every machine (sfc32, seeded by a 128-bit FNV-1a hash of a text seed). Math.random is
 * never used. Distributions use only +, −, ×, ÷, sqrt, log and cos, which V8 computes identically
 * on every platform.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    const words = [0x811c9dc5, 0x01000193, 0x2545f491, 0x9e3779b9];
    for (let i = 0; i < seed.length; i++) {
      const code = seed.charCodeAt(i);
      for (let w = 0; w < 4; w++) words[w] = Math.imul((words[w] ?? 0) ^ (code + w), 0x01000193) >>> 0;
    }
    [this.a, this.b, this.c, this.d] = words as [number, number, number, number];
    for (let i = 0; i < 20; i++) this.next32();
  }

  /** The next unsigned 32-bit integer (sfc32). */
  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform on [0, 1). */
  uniform(): number {
    return this.next32() / 4294967296;
  }

  /** Uniform on [low, high). */
  between(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** An integer uniform on [low, high] (inclusive). */
  int(low: number, high: number): number {
    return low + Math.floor(this.uniform() * (high - low + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.uniform() < p;
  }

  /** Standard normal (Box–Muller, one value per call). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.uniform();
    const v = this.uniform();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A normal value truncated to [low, high] by resampling. */
  truncatedNormal(mean: number, sd: number, low: number, high: number): number {
    for (let i = 0; i < 100; i++) {
      const value = this.normal(mean, sd);
      if (value >= low && value <= high) return value;
    }
    return Math.min(high, Math.max(low, mean));
  }

  /** Log-normal with the given median and log-scale SD. */
  logNormal(median: number, sdLog: number): number {
    return median * Math.exp(this.normal(0, sdLog));
  }

  /** Exponential with the given rate. */
  exponential(rate: number): number {
    return -Math.log(1 - this.uniform()) / rate;
  }

  /** Poisson (Knuth's method; small means only). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = this.uniform();
    while (product > limit) {
      k++;
      product *= this.uniform();
    }
    return k;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.uniform() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** One element, with probability proportional to its weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let target = this.uniform() * total;
    for (const [item, weight] of items) {
      target -= weight;
      if (target < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }
}

/** The logistic function. */
export const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/** Rounds to a number of decimals, without negative zero. */
export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/** The ISO date (YYYY-MM-DD) of a day number. */
export const isoDay = (day: number): string => new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);

/** Orders rows by their first `count` columns as text (code-unit order, independent of the locale). */
export const byColumns =
  (count: number) =>
  (a: readonly unknown[], b: readonly unknown[]): number => {
    for (let column = 0; column < count; column++) {
      const left = String(a[column] ?? '');
      const right = String(b[column] ?? '');
      if (left !== right) return left < right ? -1 : 1;
    }
    return 0;
  };
