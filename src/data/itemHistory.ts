/**
 * Version history of list items (SharePoint's `items(id)/versions`), so a paper for a past
 * period shows values as they stood at the period's end. Only the plain fields a paper
 * reports as of a date are read: a benefit's delivery status and a risk's status and scores.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';
import type { ItemVersion, ReportHistory } from '../domain/report/build';
import { runBatch } from './batch';
import { toDataAccessError } from './errors';
import { SCHEMA, fieldDef } from './schema';

/** The fields whose history a paper uses, per list (domain keys). */
export const HISTORY_FIELDS = {
  benefits: ['deliveryStatus'],
  risks: ['status', 'inherentLikelihood', 'inherentImpact', 'residualLikelihood', 'residualImpact', 'previousResidualScore']
} as const;

/** Reads version histories for a paper. */
export interface ItemHistoryRepository {
  /** Versions of the named items of benefits and risks, oldest first. */
  reportHistory(ids: { benefits: readonly number[]; risks: readonly number[] }): Promise<ReportHistory>;
}

/** A list whose items' versions a paper reads. */
export type HistoryList = keyof typeof HISTORY_FIELDS;

/** The read of one item's versions, on a (batched) SPFI: only the fields a paper uses. */
export function versionsOf(batched: SPFI, list: HistoryList, id: number): Promise<Array<Record<string, unknown>>> {
  const select = ['Created', 'VersionLabel', ...HISTORY_FIELDS[list].map((k) => fieldDef(list, k).internalName)];
  return batched.web.lists.getByTitle(SCHEMA[list].title).items.getById(id).versions.select(...select)() as Promise<Array<Record<string, unknown>>>;
}

/** The versions of a `versionsOf` answer as the report reads them, oldest first. */
export function toVersions(list: HistoryList, raw: Array<Record<string, unknown>>): ItemVersion[] {
  const defs = HISTORY_FIELDS[list].map((k) => fieldDef(list, k));
  return raw
    .map((v) => {
      const values: Record<string, unknown> = {};
      for (const d of defs) {
        if (!(d.internalName in v)) continue;
        let value = v[d.internalName];
        // Versions may carry numbers as text; the model's are numbers.
        if ((d.type === 'Integer' || d.type === 'Number') && typeof value === 'string') value = value === '' ? undefined : Number(value);
        if (value !== null && value !== undefined) values[d.key] = value;
      }
      return { on: String(v.Created ?? ''), values };
    })
    .filter((v) => v.on !== '')
    .sort((a, b) => a.on.localeCompare(b.on));
}

/**
 * Version histories through PnPjs (SharePoint Online, or the local host, which serves the same
 * endpoint): one read per item, all sent together in one `$batch` (throttled parts retried).
 */
export function createPnpItemHistory(sp: SPFI): ItemHistoryRepository {
  return {
    async reportHistory(ids) {
      const wanted: Array<{ list: HistoryList; id: number }> = [
        ...ids.benefits.map((id) => ({ list: 'benefits' as const, id })),
        ...ids.risks.map((id) => ({ list: 'risks' as const, id }))
      ];
      const history = { benefits: new Map<number, ItemVersion[]>(), risks: new Map<number, ItemVersion[]>() };
      if (wanted.length === 0) return history;
      const results = await runBatch(
        sp,
        wanted.map((w) => (batched: SPFI) => versionsOf(batched, w.list, w.id)),
        { operation: 'read' }
      );
      for (let k = 0; k < wanted.length; k++) {
        const r = results[k];
        const { list, id } = wanted[k];
        if (!r.ok) throw await toDataAccessError(r.error, { operation: 'read', list, itemId: id });
        history[list].set(id, toVersions(list, r.value));
      }
      return history;
    }
  };
}
