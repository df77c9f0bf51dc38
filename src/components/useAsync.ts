/**
 * Runs an async function when its dependencies change and exposes its state to render:
 * loading, value or error. Every promise is handled (no floating promises) and results that
 * arrive after unmount or after a newer run are dropped, so a slow first load can never
 * overwrite a fresh reload.
 */
import * as React from 'react';

/** State of an async operation. */
export interface IAsyncState<T> {
  /** True until the latest run settles. */
  loading: boolean;
  /** The latest run's result, once it succeeded. */
  value?: T;
  /** The latest run's failure, once it failed. */
  error?: unknown;
  /** Runs the function again (e.g. the "Try again" button). */
  reload: () => void;
}

/**
 * Calls `run` on mount and whenever `deps` change (like `useEffect`), tracking its outcome.
 * @param run - the async work, typically a repository call
 * @param deps - values that, when changed, trigger a new run
 */
export function useAsync<T>(run: () => Promise<T>, deps: React.DependencyList): IAsyncState<T> {
  const [state, setState] = React.useState<{ loading: boolean; value?: T; error?: unknown }>({ loading: true });
  const [generation, setGeneration] = React.useState(0);
  const runRef = React.useRef(run);
  runRef.current = run;

  React.useEffect(() => {
    let current = true;
    setState((previous) => ({ loading: true, value: previous.value }));
    let promise: Promise<T>;
    try {
      promise = runRef.current();
    } catch (e) {
      // A synchronous throw (e.g. a missing provider) is reported like a rejection.
      promise = Promise.reject(e);
    }
    promise.then(
      (value) => {
        if (current) setState({ loading: false, value });
      },
      (error: unknown) => {
        if (current) setState({ loading: false, error });
      }
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = React.useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
