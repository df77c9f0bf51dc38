/**
 * React context through which every component reaches data: the web part puts the PnPjs
 * repositories in, tests put in-memory fakes.
 */
import * as React from 'react';
import type { Repositories } from '../data/repositories';

/** Thrown when a component that needs data is rendered outside a `RepositoriesProvider`. */
export class MissingRepositoriesError extends Error {
  public constructor() {
    super('useRepositories() was called outside a RepositoriesProvider.');
    // SPFx used to compile to ES5, where extending Error loses the prototype chain.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'MissingRepositoriesError';
  }
}

/** The context itself; prefer `RepositoriesProvider` and `useRepositories()`. */
export const RepositoriesContext: React.Context<Repositories | undefined> = React.createContext<Repositories | undefined>(
  undefined
);

/** Props of `RepositoriesProvider`. */
export interface IRepositoriesProviderProps {
  /** The data access to share with the tree below. */
  repositories: Repositories;
  children?: React.ReactNode;
}

/** Makes `repositories` available to every component below through `useRepositories()`. */
export function RepositoriesProvider(props: IRepositoriesProviderProps): JSX.Element {
  return <RepositoriesContext.Provider value={props.repositories}>{props.children}</RepositoriesContext.Provider>;
}

/** The repositories of the enclosing provider; throws `MissingRepositoriesError` without one. */
export function useRepositories(): Repositories {
  const repositories = React.useContext(RepositoriesContext);
  if (!repositories) throw new MissingRepositoriesError();
  return repositories;
}
