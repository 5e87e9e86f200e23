import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { followRun } from '../api/events.ts';
import type { Run } from '../api/types.ts';

export interface RunExecution {
  run: Run | null;
  progress: { fraction: number; message?: string } | null;
  error: unknown;
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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

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
      setRun(null);
      setProgress(null);
      try {
        let current = await start();
        setRun(current);
        if (current.status === 'running') {
          setProgress({ fraction: current.progress?.fraction ?? 0, message: current.progress?.message });
          current = await waitForEnd(current, controller.signal);
          if (!controller.signal.aborted) setRun(current);
        }
        return current;
      } catch (failure) {
        if (!controller.signal.aborted) setError(failure);
        return null;
      } finally {
        if (abort.current === controller) setBusy(false);
      }
    },
    [waitForEnd],
  );

  const cancel = useCallback(async () => {
    if (run?.status !== 'running') return;
    try {
      setRun(await api.cancel(run.id));
      abort.current?.abort();
      setBusy(false);
    } catch (failure) {
      // 409: it ended meanwhile; the events bring its end.
      setError(failure);
    }
  }, [run]);

  return { run, progress, error, busy, execute, cancel };
}
