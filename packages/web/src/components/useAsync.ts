import { type DependencyList, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** What one load ended with, and for which inputs (`request`) and which reload (`tick`). */
interface Settled<T> {
  request: object;
  tick: number;
  data: T | undefined;
  error: unknown;
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}

/**
 * A fresh object whenever the caller's deps change (compared as React compares deps): it names "these
 * inputs". Kept in state and updated during render (React's pattern for deriving from earlier renders),
 * so the render that changes the inputs already sees the new identity.
 */
function useInputs(deps: DependencyList): object {
  const [inputs, setInputs] = useState(() => ({ deps, request: {} }));
  if (sameDeps(inputs.deps, deps)) return inputs.request;
  const next = { deps, request: {} };
  setInputs(next);
  return next.request;
}

/**
 * Loads once per dependency change. What `data` and `error` show always belongs to the current inputs:
 * an answer for other inputs is absent (not stale content, not an error hidden behind old data), and
 * `loading` is true from the very render that changed the inputs. The load gets an AbortSignal that
 * fires when the inputs change or the component goes away.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): AsyncState<T> {
  const request = useInputs(deps);
  const [tick, setTick] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  // The latest `load` (it closes over the current inputs), read by the effect instead of a stale copy.
  const latestLoad = useRef(load);
  useLayoutEffect(() => {
    latestLoad.current = load;
  });

  useEffect(() => {
    const controller = new AbortController();
    const settle = (data: T | undefined, error: unknown) => {
      if (!controller.signal.aborted) setSettled({ request, tick, data, error });
    };
    latestLoad.current(controller.signal).then(
      (data) => settle(data, null),
      (error: unknown) => settle(undefined, error),
    );
    return () => controller.abort();
  }, [request, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const current = settled?.request === request ? settled : null;
  return {
    // A reload keeps showing what it replaces (same inputs) until its answer comes.
    data: current?.data,
    error: current?.error ?? null,
    loading: current === null || current.tick !== tick,
    reload,
  };
}
