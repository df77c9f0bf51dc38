/**
 * A web part's first load: its lists plus the signed-in user and whether they may edit, all in
 * the same `$batch` (one request for lists of up to 5,000 items). A repository that does not
 * return the user or the permission with the lists (a test double, say) is asked separately.
 * The lists' lengths are remembered (idHints.ts) so a long list is read in one round next time.
 */
import type { EditableListKey, InitialData, InitialLoad, LoadInitialOptions, Repositories } from '../data/repositories';
import type { Person } from '../domain/types';
import { readIdHints, rememberIdHints } from './idHints';

/** The lists, the signed-in user and their edit permission on one list. */
export interface IWithAccess {
  /** The lists read. */
  data: InitialLoad;
  /** The signed-in user. */
  me: Person;
  /** Whether the user may edit items of the list asked about (the first, when several were). */
  canEdit: boolean;
  /** Whether the user may edit items of each list asked about. */
  canEditList: Partial<Record<EditableListKey, boolean>>;
}

/**
 * Loads `lists` with the user and the EditListItems check on `editList` (one list, or several
 * for a screen that writes to more than one) in the same batch.
 */
export async function loadWithAccess(
  repositories: Pick<Repositories, 'loadInitial' | 'currentUser' | 'canEdit'>,
  lists: ReadonlyArray<keyof InitialData>,
  editList: EditableListKey | readonly [EditableListKey, ...EditableListKey[]],
  options: LoadInitialOptions = {}
): Promise<IWithAccess> {
  const editLists: readonly EditableListKey[] = typeof editList === 'string' ? [editList] : editList;
  const hints = readIdHints();
  const data = await repositories.loadInitial(lists, {
    ...options,
    ...(hints ? { idHints: { ...hints, ...options.idHints } } : {}),
    include: { ...options.include, currentUser: true, canEdit: editLists }
  });
  rememberIdHints(data.lastIds);
  const [me, ...allowed] = await Promise.all([
    data.currentUser ?? repositories.currentUser(),
    ...editLists.map((list) => data.canEdit?.[list] ?? repositories.canEdit(list))
  ]);
  const canEditList: Partial<Record<EditableListKey, boolean>> = {};
  editLists.forEach((list, i) => (canEditList[list] = allowed[i] === true));
  return { data, me: me as Person, canEdit: allowed[0] === true, canEditList };
}
