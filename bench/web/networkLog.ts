import type { CDPSession } from 'playwright-core';

export type ByteCategory = 'js' | 'css' | 'api' | 'other';
export const BYTE_CATEGORIES: readonly ByteCategory[] = ['js', 'css', 'api', 'other'];
export type Bytes = Record<ByteCategory, number>;

export interface RequestRecord {
  path: string;
  category: ByteCategory;
  status: number;
  /** Seconds on the browser's monotonic clock. */
  start: number;
  end?: number;
  /** Bytes received for it, headers included (`encodedDataLength`): what crossed the wire. */
  bytes?: number;
}

function categoryOf(type: string | undefined, mimeType: string, url: string): ByteCategory {
  if (type === 'Script') return 'js';
  if (type === 'Stylesheet') return 'css';
  if ((type === 'Fetch' || type === 'XHR') && (mimeType.includes('json') || url.includes('/api/')))
    return 'api';
  return 'other';
}

/** The requests of one page load, as the browser's network stack reports them over CDP. */
export interface NetworkLog {
  requests(): RequestRecord[];
  bytes(): Bytes;
  /** Resolves when no request was in flight for `quietMs` (or after `timeoutMs`, whatever is left). */
  untilQuiet(quietMs: number, timeoutMs: number): Promise<void>;
}

export function recordNetwork(cdp: CDPSession): NetworkLog {
  const records = new Map<string, RequestRecord>();
  const inFlight = new Set<string>();
  let lastChange = performance.now();
  const settle = (id: string) => {
    inFlight.delete(id);
    lastChange = performance.now();
  };
  cdp.on('Network.requestWillBeSent', (event) => {
    // A redirect reuses the request id: the record keeps the first start.
    if (!records.has(event.requestId))
      records.set(event.requestId, {
        path: new URL(event.request.url).pathname + new URL(event.request.url).search,
        category: categoryOf(event.type, '', event.request.url),
        status: 0,
        start: event.timestamp,
      });
    inFlight.add(event.requestId);
    lastChange = performance.now();
  });
  cdp.on('Network.responseReceived', (event) => {
    const record = records.get(event.requestId);
    if (!record) return;
    record.status = event.response.status;
    record.category = categoryOf(event.type, event.response.mimeType, event.response.url);
  });
  cdp.on('Network.loadingFinished', (event) => {
    const record = records.get(event.requestId);
    if (record) {
      record.end = event.timestamp;
      record.bytes = event.encodedDataLength;
    }
    settle(event.requestId);
  });
  cdp.on('Network.loadingFailed', (event) => settle(event.requestId));
  return {
    requests: () => [...records.values()].sort((a, b) => a.start - b.start),
    bytes: () => {
      const bytes: Bytes = { js: 0, css: 0, api: 0, other: 0 };
      for (const record of records.values()) bytes[record.category] += record.bytes ?? 0;
      return bytes;
    },
    untilQuiet: async (quietMs, timeoutMs) => {
      const deadline = performance.now() + timeoutMs;
      while (performance.now() < deadline) {
        if (inFlight.size === 0 && performance.now() - lastChange >= quietMs) return;
        await new Promise((done) => setTimeout(done, 50));
      }
    },
  };
}
