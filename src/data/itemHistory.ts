/**
 * Version history of list items (SharePoint's `items(id)/versions`): for a paper for a past
 * period, values as they stood at the period's end (only the plain fields a paper reports as
 * of a date: a benefit's delivery status, a risk's status and scores); for auditors, every
 * version of one benefit or risk in full, with who saved it and when.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';
import type { ItemVersion, ReportHistory } from '../domain/report/build';
import type { Benefit, Risk } from '../domain/types';
import { runBatch } from './batch';
import { toDataAccessError } from './errors';
import { fromItem, RawItem, USER_PROPS } from './mapping';
import { BUILT_IN, SCHEMA, fieldDef, restName } from './schema';

/** The fields whose history a paper uses, per list (domain keys). */
export const HISTORY_FIELDS = {
  benefits: ['deliveryStatus'],
  risks: ['status', 'inherentLikelihood', 'inherentImpact', 'residualLikelihood', 'residualImpact', 'previousResidualScore']
} as const;

/** The lists whose items' full history auditors read. */
export type AuditedList = 'benefits' | 'risks';

/** The model of an audited list's items. */
export type AuditedModel<K extends AuditedList> = K extends 'benefits' ? Benefit : Risk;

/** One stored version of an item, read whole. */
export interface StoredVersion<T> {
  /** SharePoint's version label, e.g. "3.0". */
  label: string;
  /** When the version was saved (ISO date-time). */
  on: string;
  /** Who saved it (display name; empty when SharePoint did not say). */
  by: string;
  /** The item as it stood in that version. */
  item: T;
}

/** Reads version histories: for a paper, and for auditors. */
export interface ItemHistoryRepository {
  /** Versions of the named items of benefits and risks, oldest first. */
  reportHistory(ids: { benefits: readonly number[]; risks: readonly number[] }): Promise<ReportHistory>;
  /** Every version SharePoint keeps of one benefit or risk, oldest first. */
  itemVersions<K extends AuditedList>(list: K, id: number): Promise<Array<StoredVersion<AuditedModel<K>>>>;
}

/** A person or lookup value of a version: `{ LookupId, LookupValue, Email }` (SharePoint Online) or a bare id. */
function lookupOf(value: unknown): { id: number; text: string; email: string } | undefined {
  if (typeof value === 'number') return { id: value, text: '', email: '' };
  if (typeof value === 'string' && /^\d+$/.test(value)) return { id: Number(value), text: '', email: '' };
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const id = typeof v.LookupId === 'number' ? v.LookupId : Number(v.LookupId);
  if (!Number.isInteger(id) || id <= 0) return undefined;
  return { id, text: typeof v.LookupValue === 'string' ? v.LookupValue : '', email: typeof v.Email === 'string' ? v.Email : '' };
}

/**
 * A version's properties in the shape of a list item, so the one schema mapping (fromItem) reads
 * it. Versions name a person or lookup column by its internal name with `{ LookupId, LookupValue }`
 * (not `…Id`), may carry numbers as text and a hyperlink as "url, description".
 */
export function versionAsItem(list: AuditedList, v: RawItem): RawItem {
  const raw: RawItem = { [BUILT_IN.id]: 0, [BUILT_IN.title]: v[BUILT_IN.title] ?? '', [BUILT_IN.created]: v.Created, [BUILT_IN.modified]: v.Created };
  for (const f of SCHEMA[list].fields) {
    const name = restName(f);
    if (f.type === 'User' || f.type === 'Lookup') {
      const found = lookupOf(v[f.internalName]) ?? lookupOf(v[name]);
      raw[name] = found?.id ?? null;
      if (f.type === 'User' && found) raw[f.internalName] = { [USER_PROPS.id]: found.id, [USER_PROPS.displayName]: found.text, [USER_PROPS.email]: found.email };
      continue;
    }
    let value = v[name];
    if ((f.type === 'Integer' || f.type === 'Number' || f.type === 'Currency') && typeof value === 'string') value = value === '' ? null : Number(value);
    if (f.type === 'URL' && typeof value === 'string') value = value === '' ? null : { Url: value.split(', ')[0] };
    raw[name] = value ?? null;
  }
  return raw;
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
    },
    async itemVersions<K extends AuditedList>(list: K, id: number): Promise<Array<StoredVersion<AuditedModel<K>>>> {
      let raw: RawItem[];
      try {
        // Every column: an auditor sees each change, and a version names its columns as the list does.
        raw = (await sp.web.lists.getByTitle(SCHEMA[list].title).items.getById(id).versions()) as RawItem[];
      } catch (e) {
        throw await toDataAccessError(e, { operation: 'read', list, itemId: id });
      }
      return raw
        .map((v) => ({
          label: String(v.VersionLabel ?? ''),
          on: String(v.Created ?? ''),
          by: lookupOf(v.Editor)?.text ?? '',
          item: { ...fromItem<AuditedModel<K>>(list, versionAsItem(list, v)), id }
        }))
        .filter((v) => v.on !== '')
        // Version numbers only grow; the time orders versions whose label SharePoint did not give.
        .sort((a, b) => versionNumber(a.label) - versionNumber(b.label) || a.on.localeCompare(b.on));
    }
  };
}

/** "3.0" as 3 (0 when missing), for ordering versions. */
function versionNumber(label: string): number {
  const n = parseFloat(label);
  return Number.isFinite(n) ? n : 0;
}
