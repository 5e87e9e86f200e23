import { useCallback, useState } from 'react';

export interface PendingChange {
  busy: boolean;
  error: unknown;
  /** Runs one change at a time; its answer goes to `done`, its failure to `error` (shown next to the form). */
  run: <T>(action: () => Promise<T>, done: (value: T) => void) => Promise<void>;
}

/** The state of a form that changes something on the node: disabled while busy, the refusal kept to show. */
export function usePendingChange(): PendingChange {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T>(action: () => Promise<T>, done: (value: T) => void) => {
    setBusy(true);
    setError(null);
    try {
      done(await action());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
