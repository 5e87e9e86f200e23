import { type MeshAccess, type PreparedRun, type ProductService, resultBytes } from '@plexus/runtime';
import { UnavailableError } from '@plexus/spec';
import type { ControlStore, RunOutcome, RunRecord } from '../control/ControlStore.ts';
import type { ResultStore } from './ResultStore.ts';

export interface RunProgress {
  fraction: number;
  message?: string;
}

export type RunEvent = { type: 'progress'; progress: RunProgress } | { type: 'finished'; run: RunRecord };

interface LiveRun {
  record: RunRecord;
  controller: AbortController;
  progress: RunProgress | undefined;
  listeners: Set<(event: RunEvent) => void>;
  done: Promise<RunRecord>;
}

export interface StartRun {
  userId: string | null;
  product: ProductService;
  prepared: PreparedRun;
  /** Execute even when an identical request has a stored result. */
  fresh?: boolean;
  rerunOf?: string | null;
  /** The id the product is served as, when not its own (`<id>@staging`): runs are recorded under it. */
  servedAs?: string;
  /** Answers the plugin's calls to other products for this run's caller (ctx.mesh). */
  mesh?: MeshAccess;
}

export interface RunManagerOptions {
  /** This node's name in run records: a restart fails only the runs it left running. */
  node: string;
  /** Told about a run that failed because of a bug in the node rather than in its plugin. */
  onInternalError?: (error: unknown, run: RunRecord) => void;
}

/**
 * Executes runs and keeps their history: every run becomes a record in the control store and its result
 * a content-addressed file, so that it can be recalled byte for byte, re-run and compared. A request
 * identical to an earlier one (same versions, same resolved parameters) is answered from the stored
 * result unless the caller asks for a fresh run. Runs execute in the background: callers wait as long
 * as they like, follow progress, or cancel.
 */
export class RunManager {
  private readonly live = new Map<string, LiveRun>();
  private stopping = false;

  constructor(
    private readonly store: ControlStore,
    private readonly results: ResultStore,
    private readonly options: RunManagerOptions,
  ) {}

  get node(): string {
    return this.options.node;
  }

  /** Marks the runs this node left running when it last stopped as failed; call once at start-up. */
  recover(): Promise<number> {
    return this.store.failInterruptedRuns(this.options.node, new Date().toISOString());
  }

  async start(input: StartRun): Promise<RunRecord> {
    if (this.stopping) throw new Error('the node is stopping');
    const { prepared } = input;
    const now = new Date().toISOString();
    const base = {
      userId: input.userId,
      node: this.options.node,
      productId: input.servedAs ?? prepared.productId,
      ...prepared.versions,
      protocolId: prepared.protocolId,
      protocolVersion: prepared.protocolVersion,
      pluginSha256: prepared.pluginSha256,
      params: prepared.params,
      requestKey: prepared.requestKey,
      rerunOf: input.rerunOf ?? null,
      startedAt: now,
      error: null,
    };
    if (!input.fresh) {
      // Only the caller's own earlier runs answer: another user's would tell who asked what.
      const earlier = await this.store.findReusableRun(prepared.requestKey, input.userId);
      const stored = earlier?.resultHash ? await this.results.get(earlier.resultHash) : null;
      if (earlier?.resultHash && stored !== null && !askedOtherProducts(stored))
        return this.store.createRun({
          ...base,
          status: 'succeeded',
          finishedAt: now,
          durationMs: 0,
          resultHash: earlier.resultHash,
          reusedFrom: earlier.reusedFrom ?? earlier.id,
        });
    }
    if (this.stopping) throw new Error('the node is stopping');
    const record = await this.store.createRun({
      ...base,
      status: 'running',
      finishedAt: null,
      durationMs: null,
      resultHash: null,
      reusedFrom: null,
    });
    const live: LiveRun = {
      record,
      controller: new AbortController(),
      progress: undefined,
      listeners: new Set(),
      done: Promise.resolve(record),
    };
    this.live.set(record.id, live);
    live.done = this.execute(live, input.product, prepared, input.mesh);
    return record;
  }

  private async execute(
    live: LiveRun,
    product: ProductService,
    prepared: PreparedRun,
    mesh: MeshAccess | undefined,
  ): Promise<RunRecord> {
    const started = Date.now();
    let outcome: Omit<RunOutcome, 'finishedAt' | 'durationMs'>;
    try {
      const executed = await product.execute(prepared, {
        ...(mesh ? { mesh } : {}),
        signal: live.controller.signal,
        onProgress: (fraction, message) => {
          live.progress = { fraction, ...(message !== undefined ? { message } : {}) };
          this.emit(live, { type: 'progress', progress: live.progress });
        },
      });
      if (executed.status === 'succeeded' && executed.result) {
        outcome = {
          status: 'succeeded',
          resultHash: await this.results.put(resultBytes(executed.result)),
          error: null,
        };
      } else if (executed.status === 'cancelled' && this.stopping) {
        outcome = {
          status: 'failed',
          resultHash: null,
          error: {
            code: 'NODE_STOPPED',
            message: 'the node stopped while the run was executing; run it again',
          },
        };
      } else {
        outcome = {
          status: executed.status === 'cancelled' ? 'cancelled' : 'failed',
          resultHash: null,
          error: executed.error ?? { code: 'PLUGIN_FAILED', message: 'the run failed' },
        };
      }
    } catch (error) {
      if (error instanceof UnavailableError) {
        // Every plugin worker busy and the queue full: the caller should retry, nothing is broken.
        outcome = {
          status: 'failed',
          resultHash: null,
          error: { code: 'UNAVAILABLE', message: error.message },
        };
      } else {
        this.options.onInternalError?.(error, live.record);
        outcome = {
          status: 'failed',
          resultHash: null,
          error: {
            code: 'INTERNAL_ERROR',
            message:
              "the node could not execute the run; its administrators find the cause in the node's log",
          },
        };
      }
    }
    const finished = { ...outcome, finishedAt: new Date().toISOString(), durationMs: Date.now() - started };
    let record: RunRecord;
    try {
      record =
        (await this.store.finishRun(live.record.id, finished)) ??
        (await this.store.getRun(live.record.id)) ??
        live.record;
    } catch (error) {
      // The store is gone (the node is stopping): the restart marks the run as interrupted.
      this.options.onInternalError?.(error, live.record);
      record = { ...live.record, ...finished };
    }
    this.live.delete(live.record.id);
    this.emit(live, { type: 'finished', run: record });
    return record;
  }

  private emit(live: LiveRun, event: RunEvent): void {
    for (const listener of live.listeners) listener(event);
  }

  /** Progress of a run executing on this node. */
  progressOf(id: string): RunProgress | undefined {
    return this.live.get(id)?.progress;
  }

  isLive(id: string): boolean {
    return this.live.has(id);
  }

  /** The run once it has ended, or as it is after `ms` milliseconds if it has not. */
  async wait(record: RunRecord, ms: number): Promise<RunRecord> {
    const live = this.live.get(record.id);
    // Ended before anyone waited: the store has how.
    if (!live) return (await this.store.getRun(record.id)) ?? record;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<RunRecord>((resolve) => {
      timer = setTimeout(() => resolve(record), ms);
    });
    try {
      return await Promise.race([live.done, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Calls listener with progress and the end of a run executing on this node; returns the unsubscribe. */
  subscribe(id: string, listener: (event: RunEvent) => void): (() => void) | undefined {
    const live = this.live.get(id);
    if (!live) return undefined;
    live.listeners.add(listener);
    return () => live.listeners.delete(listener);
  }

  /** Cancels a run executing on this node; resolves to the run as it ended (cancelled, or already over). */
  async cancel(id: string): Promise<RunRecord | undefined> {
    const live = this.live.get(id);
    if (!live) {
      // It may have ended a moment ago on this node: then the store says so.
      const stored = await this.store.getRun(id);
      return stored && stored.status !== 'running' ? stored : undefined;
    }
    live.controller.abort();
    return live.done;
  }

  /** The result document's bytes of a succeeded run, exactly as stored. */
  resultBytesOf(record: RunRecord): Promise<string | null> {
    return record.resultHash ? this.results.get(record.resultHash) : Promise.resolve(null);
  }

  /** Stops every run executing here (they are recorded as failed: the node stopped) and waits for them. */
  async close(): Promise<void> {
    this.stopping = true;
    const running = [...this.live.values()];
    for (const live of running) live.controller.abort();
    await Promise.all(running.map((live) => live.done.catch(() => undefined)));
  }
}

/**
 * Whether a stored result asked other products (its provenance lists calls): its request key covers
 * only this product's versions, not theirs, so it is not reused — the others may have changed since.
 */
function askedOtherProducts(bytes: string): boolean {
  try {
    const calls = (JSON.parse(bytes) as { provenance?: { calls?: unknown[] } }).provenance?.calls;
    return Array.isArray(calls) && calls.length > 0;
  } catch {
    return true;
  }
}
