import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

const CHUNK = 4 * 1024 * 1024;

/**
 * A buffered text file writer for the generator: lines are collected into ~4 MB chunks, written with
 * back-pressure, and hashed on the way so that a run can show that a seed gives the same bytes.
 */
export class TextSink {
  readonly #stream: WriteStream;
  readonly #hash: Hash = createHash('sha256');
  #parts: string[] = [];
  #size = 0;
  bytes = 0;

  constructor(readonly path: string) {
    this.#stream = createWriteStream(path);
  }

  /** Adds text; call `flushIfFull()` now and then (it only waits when a chunk is complete). */
  add(text: string): void {
    this.#parts.push(text);
    this.#size += text.length;
  }

  get full(): boolean {
    return this.#size >= CHUNK;
  }

  async flushIfFull(): Promise<void> {
    if (this.full) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#parts.length === 0) return;
    const chunk = Buffer.from(this.#parts.join(''), 'utf8');
    this.#parts = [];
    this.#size = 0;
    this.#hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.#stream.write(chunk)) await once(this.#stream, 'drain');
  }

  /** Flushes, closes the file and returns its sha256. */
  async close(): Promise<string> {
    await this.flush();
    this.#stream.end();
    await once(this.#stream, 'finish');
    return this.#hash.digest('hex');
  }
}
