import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSnapshot, SnapshotReader } from '@plexus/engine';
import type { ProductData } from './productData.ts';
import { writeProduct } from './writeProduct.ts';

/**
 * Builds in-memory products into snapshots under one temporary folder. Shrinking a failing property
 * revisits the same product many times with smaller cohorts, so readers are kept per product.
 */
export class ProductBuilds {
  private readonly readers = new Map<string, SnapshotReader>();
  private built = 0;

  private constructor(readonly root: string) {}

  static async create(): Promise<ProductBuilds> {
    return new ProductBuilds(await mkdtemp(join(tmpdir(), 'plexus-cohort-')));
  }

  async reader(product: ProductData): Promise<SnapshotReader> {
    const key = JSON.stringify(product);
    const known = this.readers.get(key);
    if (known) return known;
    // Bounded: each reader holds a DuckDB instance.
    if (this.readers.size >= 4) {
      const [oldest, reader] = this.readers.entries().next().value ?? [];
      if (oldest !== undefined) this.readers.delete(oldest);
      reader?.close();
    }
    const dir = join(this.root, `product-${this.built++}`);
    await writeProduct(product, dir);
    const outcome = await buildSnapshot(dir, { snapshotRoot: join(dir, 'snapshots') });
    const reader = await SnapshotReader.open(outcome.snapshot);
    this.readers.set(key, reader);
    return reader;
  }

  async close(): Promise<void> {
    for (const reader of this.readers.values()) reader.close();
    this.readers.clear();
    await rm(this.root, { recursive: true, force: true });
  }
}
