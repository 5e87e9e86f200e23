import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';

const FLUSH_AT = 256 * 1024;

/**
 * Writes a CSV in large chunks, honouring backpressure, to a side file that takes the final name only
 * on commit: a reader of `path` never sees a half-written file, and a failed run leaves nothing behind.
 */
export class CsvFileWriter {
  private readonly partPath: string;
  private readonly stream: WriteStream;
  private pending = '';
  private failure: Error | undefined;

  constructor(private readonly path: string) {
    this.partPath = `${path}.partial`;
    this.stream = createWriteStream(this.partPath, { highWaterMark: FLUSH_AT });
    // Kept rather than thrown from the event: it surfaces at the next flush or commit.
    this.stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  /** Queues text; call flushIfFull() now and then to hand it to the file. */
  add(text: string): void {
    this.pending += text;
  }

  async flushIfFull(): Promise<void> {
    if (this.pending.length >= FLUSH_AT) await this.flush();
  }

  /** Writes what is left, closes the file and gives it its final name. */
  async commit(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    if (this.failure) throw this.failure;
    await rename(this.partPath, this.path);
  }

  /** Drops the side file; safe to call whatever state the stream is in. */
  async discard(): Promise<void> {
    if (!this.stream.closed) {
      const closed = once(this.stream, 'close').catch(() => undefined);
      this.stream.destroy();
      await closed;
    }
    await rm(this.partPath, { force: true });
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.pending.length === 0) return;
    const chunk = this.pending;
    this.pending = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
    if (this.failure) throw this.failure;
  }
}
