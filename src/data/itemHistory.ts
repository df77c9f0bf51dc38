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

type HistoryList = keyof typeof HISTORY_FIELDS;

/** How many items' histories are read at once: enough to be quick, few enough not to be throttled. */
const PARALLEL = 8;

/** Version histories through PnPjs (SharePoint Online, or the local host, which serves the same endpoint). */
export function createPnpItemHistory(sp: SPFI): ItemHistoryRepository {
  const read = async (list: HistoryList, id: number): Promise<ItemVersion[]> => {
    const defs = HISTORY_FIELDS[list].map((k) => fieldDef(list, k));
    let raw: Array<Record<string, unknown>>;
    try {
      raw = (await sp.web.lists
        .getByTitle(SCHEMA[list].title)
        .items.getById(id)
        .versions.select('Created', 'VersionLabel', ...defs.map((d) => d.internalName))()) as Array<Record<string, unknown>>;
    } catch (e) {
      throw await toDataAccessError(e, { operation: 'read', list, itemId: id });
    }
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
  };
  const readAll = async (list: HistoryList, ids: readonly number[]): Promise<Map<number, ItemVersion[]>> => {
    const out = new Map<number, ItemVersion[]>();
    for (let i = 0; i < ids.length; i += PARALLEL) {
      const chunk = ids.slice(i, i + PARALLEL);
      const got = await Promise.all(chunk.map((id) => read(list, id)));
      chunk.forEach((id, k) => out.set(id, got[k]));
    }
    return out;
  };
  return {
    async reportHistory(ids) {
      return { benefits: await readAll('benefits', ids.benefits), risks: await readAll('risks', ids.risks) };
    }
  };
}
