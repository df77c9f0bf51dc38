/**
 * Builds the repositories of every declared list served by a plain (`list`) or by-period
 * (`period`) repository, for the in-memory fakes: a list declared in src/data/lists appears in
 * every fake without editing it. Lists with a repository of their own (objective updates,
 * reminder log, snapshots) are left to each fake.
 */
import { INITIAL_KEYS, LIST_DECLARATIONS } from '../../src/data/lists';
import type { ListKey, RepositoryKindOf } from '../../src/data/lists';
import type { RepositoryKind } from '../../src/data/lists/declare';
import type { InitialData, ListRepository, PeriodListRepository, Repositories } from '../../src/data/repositories';
import type { Stored } from '../../src/domain/types';

/** Lists whose repository is a plain or by-period list repository. */
export type PlainListKey = { [K in ListKey]: RepositoryKindOf<K> extends 'list' | 'period' ? K : never }[ListKey];

/** The repositories of every plain and by-period list, each made by `make` (by-period reads filter getAll). */
export function everyPlainList(make: (key: ListKey) => ListRepository<Stored>): Pick<Repositories, PlainListKey> {
  const out: Record<string, ListRepository<Stored> | PeriodListRepository<Stored>> = {};
  for (const decl of LIST_DECLARATIONS) {
    // Widened: a kind no list uses yet must still be handled.
    const kind = decl.repository as RepositoryKind;
    if (kind !== 'list' && kind !== 'period') continue;
    const repo = make(decl.key);
    out[decl.key] =
      kind === 'period'
        ? { ...repo, getForPeriod: async (periodId: string) => (await repo.getAll()).filter((i) => (i as unknown as { periodId?: string }).periodId === periodId) }
        : repo;
  }
  return out as unknown as Pick<Repositories, PlainListKey>;
}

/** The items of `data` a list starts with: those under its initial key, or none. */
export function initialItemsOf(data: InitialData, key: ListKey): Stored[] {
  const initial = (INITIAL_KEYS as Partial<Record<ListKey, keyof InitialData>>)[key];
  return initial ? (data[initial] as Stored[]) : [];
}
