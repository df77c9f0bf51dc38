/**
 * Drafts of the quarterly updates, kept with the shared form draft store as the officer types,
 * so that a closed panel, a reload or a failed save loses nothing. The keys add the reporting
 * period, since an officer drafts one update per quarter. (The objective form keeps its drafts
 * through useItemEditor, like every other edit form.)
 */
export type { FormDraftStorage as DraftStorage, IFormDraft as IStoredDraft } from '../../../components/formDrafts';
export {
  clearFormDraft as clearDraft,
  formDraftStorage as browserStorage,
  readFormDraft as readDraft,
  writeFormDraft as writeDraft
} from '../../../components/formDrafts';

const PREFIX = 'ssm.draft.v1';

/** What kind of work a draft holds. */
export type DraftKind = 'update';

/** Storage key of a draft: kind, user, item ('new' for an unsaved item) and period ('' when none). */
export function draftKey(kind: DraftKind, userId: number, itemId: number | 'new', periodId: string = ''): string {
  return [PREFIX, kind, String(userId), String(itemId), periodId].join('|');
}
