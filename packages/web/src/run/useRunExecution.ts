import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { followRun } from '../api/events.ts';
import type { Run } from '../api/types.ts';

/**
 * Where a run went wrong, as the user must read it: it never started (`start`), or it started and the
 * page could no longer follow it (`follow`: the run may still be going on the node).
 */
export interface RunFailure {
  phase: 'start' | 'follow';
  failure: unknown;
}

export interface RunExecution {
  run: Run | null;
  progress: { fraction: number; message?: string } | null;
  error: RunFailure | null;
  /** Why the last cancel request failed; kept apart, as the run itself may still succeed. */
  cancelError: unknown;
  /** A cancel request is on its way: Cancel waits for its answer rather than sending another. */
  cancelling: boolean;
  busy: boolean;
  /** Starts a run: `start` answers the run as the node returned it (ended, or still running on a 202). */
  execute: (start: () => Promise<Run>) => Promise<Run | null>;
  cancel: () => Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

/**
 * A run from request to result: a run still running is followed through its events (progress), and
 * when it has ended its stored record is fetched, since the events carry the run without its result.
 */
export function useRunExecution(): RunExecution {
  const [run, setRun] = useState<Run | null>(null);
  const [progress, setProgress] = useState<RunExecution['progress']>(null);
  const [error, setError] = useState<RunFailure | null>(null);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState(false);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);
  // A ref as well as the state: a second click in the same frame sees the first before React re-renders.
  const cancelPending = useRef(false);

  useEffect(() => () => abort.current?.abort(), []);

  const waitForEnd = useCallback(async (running: Run, signal: AbortSignal): Promise<Run> => {
    try {
      await followRun(running.id, { onStatus: setRun, onProgress: setProgress }, signal);
    } catch (failure) {
      if (signal.aborted) throw failure;
      // The stream broke (a proxy that buffers, a dropped connection): polling reaches the same end.
    }
    for (;;) {
      const latest = await api.run(running.id);
      if (latest.status !== 'running' || signal.aborted) return latest;
      setRun(latest);
      if (latest.progress) setProgress(latest.progress);
      await sleep(1000);
    }
  }, []);

  const execute = useCallback(
    async (start: () => Promise<Run>) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setBusy(true);
      setError(null);
      setCancelError(null);
      setRun(null);
      setProgress(null);
      let phase: RunFailure['phase'] = 'start';
      try {
        let current = await start();
        phase = 'follow';
        setRun(current);
        if (current.status === 'running') {
          setProgress({ fraction: current.progress?.fraction ?? 0, message: current.progress?.message });
          current = await waitForEnd(current, controller.signal);
          if (!controller.signal.aborted) setRun(current);
        }
        return current;
      } catch (failure) {
        if (!controller.signal.aborted) setError({ phase, failure });
        return null;
      } finally {
        if (abort.current === controller) setBusy(false);
      }
    },
    [waitForEnd],
  );

  const cancel = useCallback(async () => {
    if (run?.status !== 'running' || cancelPending.current) return;
    const following = abort.current;
    cancelPending.current = true;
    setCancelling(true);
    setCancelError(null);
    try {
      const cancelled = await api.cancel(run.id);
      // Another run started meanwhile: this answer is about one the page no longer shows.
      if (abort.current !== following) return;
      setRun(cancelled);
      following?.abort();
      setBusy(false);
    } catch (failure) {
      // 409: the run ended before the cancel reached it. Nothing failed: following it brings its end.
      if (!(failure instanceof ApiError && failure.status === 409)) setCancelError(failure);
    } finally {
      cancelPending.current = false;
      setCancelling(false);
    }
  }, [run]);

  return { run, progress, error, cancelError, cancelling, busy, execute, cancel };
}
