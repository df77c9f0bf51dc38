/**
 * A web part's first load started in its `onInit`, while its UI's code downloads, and handed to
 * the first component that renders: on a real network the two overlap instead of following one
 * another. Only a head start: a component whose repositories or load key differ (another period,
 * say), or that renders again later (after the lists were set up), reads afresh.
 */
import type { Repositories } from '../data/repositories';

/** A first load started early, with the key of what it read. */
export interface IEarlyLoad<T> {
  /** The early load when it was started for these repositories and this key, the first time; otherwise `fresh()`. */
  takeOr(repositories: Repositories, key: string, fresh: () => Promise<T>): Promise<T>;
}

/** Hands `load` (started for `repositories`; it resolves with its key) to the first component that asks for it. */
export function earlyLoad<T>(repositories: Repositories, load: Promise<{ key: string; value: T }>): IEarlyLoad<T> {
  let taken = false;
  // Its failure is the component's to show; should none ever take it, it is not an unhandled rejection.
  load.catch(() => undefined);
  return {
    takeOr(forRepositories: Repositories, key: string, fresh: () => Promise<T>): Promise<T> {
      if (taken || forRepositories !== repositories) return fresh();
      taken = true;
      return load.then((r) => (r.key === key ? r.value : fresh()));
    }
  };
}
