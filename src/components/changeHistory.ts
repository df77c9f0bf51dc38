/**
 * What changed between the stored versions of an item, in the words people read on screen:
 * for each version, who saved it, when, and each field shown whose value differs from the
 * version before ("Status: Open → Closed"). The first version kept lists the values it held.
 */
import type { StoredVersion } from '../data/itemHistory';
import { richTextToPlain } from './richTextPlain';

/**
 * Rich text as one line of plain text, its paragraphs and list items kept apart by "; " (so a
 * list of controls does not run together as one sentence).
 */
export function richTextAsLine(html: string | undefined): string {
  if (!html) return '';
  return html
    .split(/<\/(?:p|li|div|h[1-6])\s*>|<br\s*\/?>/i)
    .map((part) => richTextToPlain(part))
    .filter((part) => part !== '')
    .join('; ');
}

/** A field an auditor reads in the history, with its value as display text. */
export interface HistoryField<T> {
  /** The field's label, as the form shows it. */
  label: string;
  /** The display value (a name, a service, choice text, pounds, a UK date, plain text), or '' when not set. */
  text: (item: T) => string;
}

/** One field's change in a version. */
export interface FieldChange {
  label: string;
  /** The value before; undefined in the first version kept. */
  before?: string;
  /** The value saved ('' when cleared). */
  after: string;
}

/** One version, as the history lists it. */
export interface HistoryEntry {
  /** SharePoint's version label, e.g. "3.0". */
  label: string;
  /** When it was saved (ISO date-time). */
  on: string;
  /** Who saved it ('' when SharePoint did not say). */
  by: string;
  /** 'created': the item's first version; 'earliest': the oldest kept (older ones trimmed); 'changed' otherwise. */
  kind: 'created' | 'earliest' | 'changed';
  changes: FieldChange[];
}

/** The versions newest first, each with the fields that changed from the version before it. */
export function historyEntries<T>(versions: ReadonlyArray<StoredVersion<T>>, fields: ReadonlyArray<HistoryField<T>>): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  let previous: string[] | undefined;
  for (const v of versions) {
    const values = fields.map((f) => f.text(v.item).trim());
    const changes: FieldChange[] = [];
    fields.forEach((f, i) => {
      if (previous === undefined) {
        if (values[i] !== '') changes.push({ label: f.label, after: values[i] });
      } else if (values[i] !== previous[i]) {
        changes.push({ label: f.label, before: previous[i], after: values[i] });
      }
    });
    const kind = previous !== undefined ? 'changed' : parseFloat(v.label) === 1 || v.label === '' ? 'created' : 'earliest';
    entries.push({ label: v.label, on: v.on, by: v.by, kind, changes });
    previous = values;
  }
  return entries.reverse();
}
