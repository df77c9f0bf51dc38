/**
 * Schema-driven mapping between SharePoint REST items and domain models, used by the PnPjs
 * repositories, the local host's seeding and the import tools alike, so that field names
 * stay in schema.ts.
 */
import type { ItemProblem, Person } from '../domain/types';
import { BUILT_IN, FieldDef, JsonEntry, ListKey, SCHEMA, restName } from './schema';
import { LIST_REGISTRY } from './lists';

/** A list item as SharePoint REST returns it (minimal or no metadata JSON). */
export type RawItem = Record<string, unknown>;

/** Sub-properties read from an expanded User field. */
export const USER_PROPS = { id: 'Id', displayName: 'Title', email: 'EMail' } as const;

/**
 * `$select` and `$expand` for a list: exactly the schema's fields, never `*`; of the fields read
 * on demand (FieldDef.onDemand), those named in `onDemand` only.
 */
export function selectFor(list: ListKey, onDemand: readonly string[] = []): { select: string[]; expand: string[] } {
  const def = SCHEMA[list];
  const select: string[] = [BUILT_IN.id, BUILT_IN.title, BUILT_IN.created, BUILT_IN.modified];
  const expand: string[] = [];
  for (const f of def.fields) {
    if (f.onDemand && onDemand.indexOf(f.key) < 0) continue;
    select.push(restName(f));
    if (f.type === 'User') {
      expand.push(f.internalName);
      for (const p of Object.values(USER_PROPS)) select.push(`${f.internalName}/${p}`);
    }
  }
  return { select, expand };
}

/**
 * `$select` and `$expand` for some fields of a list only (domain keys), with the item's id and
 * creation time (and its title, `withTitle`): for reads that need a few columns of a long list.
 */
export function selectFields(list: ListKey, keys: readonly string[], withTitle = false): { select: string[]; expand: string[] } {
  const select: string[] = withTitle ? [BUILT_IN.id, BUILT_IN.title, BUILT_IN.created] : [BUILT_IN.id, BUILT_IN.created];
  const expand: string[] = [];
  for (const f of SCHEMA[list].fields) {
    if (keys.indexOf(f.key) < 0) continue;
    select.push(restName(f));
    if (f.type === 'User') {
      expand.push(f.internalName);
      for (const p of Object.values(USER_PROPS)) select.push(`${f.internalName}/${p}`);
    }
  }
  return { select, expand };
}

function toPerson(raw: RawItem, f: FieldDef): Person | undefined {
  const expanded = raw[f.internalName] as Record<string, unknown> | null | undefined;
  const id = raw[restName(f)];
  if (expanded && typeof expanded === 'object' && typeof expanded[USER_PROPS.id] === 'number') {
    return {
      id: expanded[USER_PROPS.id] as number,
      displayName: String(expanded[USER_PROPS.displayName] ?? ''),
      email: String(expanded[USER_PROPS.email] ?? '')
    };
  }
  return typeof id === 'number' ? { id, displayName: '', email: '' } : undefined;
}

/** A value read from a column, with what was wrong with it when it could not be read whole. */
interface Read {
  value: unknown;
  problem?: ItemProblem;
}

function entryOk(entry: unknown, shape: JsonEntry): boolean {
  if (shape === 'string') return typeof entry === 'string';
  if (shape === 'number') return typeof entry === 'number' && Number.isFinite(entry);
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return false;
  const record = entry as Record<string, unknown>;
  return Object.keys(shape).every((k) => entryOk(record[k], shape[k]));
}

/**
 * A Json column's value. Someone may have edited the column by hand in SharePoint: invalid JSON,
 * the wrong shape or entries of the wrong kind are never guessed at and never stop the read.
 * The value becomes the field's empty shape (or keeps its good entries) and the item carries
 * the problem, named, for its row to show.
 */
function parseJson(value: unknown, f: FieldDef): Read {
  const empty = f.jsonShape === 'object' ? {} : [];
  if (typeof value !== 'string' || value.trim() === '') return { value: empty };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (e) {
    return { value: empty, problem: { field: f.displayName, code: 'invalidJson', detail: (e as Error).message } };
  }
  const shape = f.jsonEntry;
  if (!shape) return { value: parsed };
  const isArray = Array.isArray(parsed);
  const isObject = !!parsed && typeof parsed === 'object' && !isArray;
  if (f.jsonShape === 'array' ? !isArray : !isObject) {
    return { value: empty, problem: { field: f.displayName, code: 'wrongShape', detail: f.jsonShape === 'array' ? 'array' : 'object' } };
  }
  if (isArray) {
    const all = parsed as unknown[];
    const good = all.filter((e) => entryOk(e, shape));
    return good.length === all.length ? { value: good } : { value: good, problem: { field: f.displayName, code: 'badEntries', detail: String(all.length - good.length) } };
  }
  const record = parsed as Record<string, unknown>;
  const good: Record<string, unknown> = {};
  let bad = 0;
  for (const k of Object.keys(record)) {
    if (entryOk(record[k], shape)) good[k] = record[k];
    else bad++;
  }
  return bad === 0 ? { value: good } : { value: good, problem: { field: f.displayName, code: 'badEntries', detail: String(bad) } };
}

const ELEVEN_HOURS_MS = 11 * 60 * 60 * 1000;

/**
 * The calendar date of a date-only column as SharePoint returns it, an instant in UTC. A date
 * entered in SharePoint is kept as midnight in the site's time zone: on a UK site, 15 June is
 * "2022-06-14T23:00:00Z" during British Summer Time. This product writes dates at noon UTC, and
 * wrote them at UTC midnight before. For a site within 11 hours of UTC, all three fall on the
 * same UTC date eleven hours later. A plain date is taken as it is.
 */
export function dateOfDateOnly(value: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + ELEVEN_HOURS_MS).toISOString().slice(0, 10);
}

function fromValue(raw: RawItem, f: FieldDef): Read {
  if (f.type === 'Json') return parseJson(raw[restName(f)], f);
  return { value: plainValue(raw, f) };
}

function plainValue(raw: RawItem, f: FieldDef): unknown {
  const v = raw[restName(f)];
  switch (f.type) {
    case 'User':
      return toPerson(raw, f);
    case 'Lookup':
    case 'Number':
    case 'Currency':
    case 'Integer':
      return typeof v === 'number' ? v : undefined;
    case 'Boolean':
      return v === true;
    case 'DateOnly':
      return typeof v === 'string' && v ? dateOfDateOnly(v) : undefined;
    case 'DateTime':
      return typeof v === 'string' && v ? v : undefined;
    case 'URL':
      return v && typeof v === 'object' ? String((v as Record<string, unknown>).Url ?? '') || undefined : undefined;
    case 'Json':
      return undefined;
    default:
      return typeof v === 'string' ? v : '';
  }
}

/** ETag of a raw item in any of the JSON metadata flavours SharePoint returns. */
export function etagOf(raw: RawItem): string {
  const minimal = raw[BUILT_IN.etag];
  if (typeof minimal === 'string') return minimal;
  const meta = raw.__metadata as Record<string, unknown> | undefined;
  return meta && typeof meta.etag === 'string' ? meta.etag : '';
}

/** Maps a REST item to the list's domain model. */
export function fromItem<T>(list: ListKey, raw: RawItem): T {
  const def = SCHEMA[list];
  const model: Record<string, unknown> = {
    id: raw[BUILT_IN.id] ?? raw.ID,
    etag: etagOf(raw),
    created: raw[BUILT_IN.created] ?? undefined,
    modified: raw[BUILT_IN.modified] ?? undefined
  };
  if (def.titleKey) model[def.titleKey] = typeof raw[BUILT_IN.title] === 'string' ? raw[BUILT_IN.title] : '';
  const problems: ItemProblem[] = [];
  for (const f of def.fields) {
    if (f.derivedFrom) continue;
    const { value, problem } = fromValue(raw, f);
    if (value !== undefined) model[f.key] = value;
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) model.problems = problems;
  return model as T;
}

function toValue(value: unknown, f: FieldDef): unknown {
  if (value === undefined || value === null || value === '') {
    return f.type === 'Json' ? JSON.stringify(f.jsonShape === 'object' ? {} : []) : null;
  }
  switch (f.type) {
    case 'User':
      return (value as Person).id;
    case 'DateOnly':
      // Noon UTC is the same calendar day in every time zone within 12 hours of UTC, so the site's
      // time zone cannot move the date shown in SharePoint; dateOfDateOnly reads it back.
      return `${String(value).slice(0, 10)}T12:00:00Z`;
    case 'URL':
      return { Url: String(value), Description: String(value) };
    case 'Json':
      return JSON.stringify(value);
    default:
      return value;
  }
}

/** Value of a derived key field: its source properties joined with "|". */
export function derivedKey(model: Record<string, unknown>, sources: readonly string[]): string {
  return sources.map((k) => String(model[k])).join('|');
}

/**
 * Maps a (partial) domain model to a REST body for add or update. Only keys present in
 * `model` are written, so a partial update never blanks other columns.
 */
export function toItem(list: ListKey, model: Record<string, unknown>): RawItem {
  const def = SCHEMA[list];
  const body: RawItem = {};
  if (def.titleKey) {
    if (def.titleKey in model) body[BUILT_IN.title] = model[def.titleKey];
  } else {
    // Lists whose model has no title of its own declare the label stored in Title.
    const title = LIST_REGISTRY[list].computedTitle?.(model);
    if (title !== undefined) body[BUILT_IN.title] = title;
  }
  for (const f of def.fields) {
    const sources = f.derivedFrom;
    if (sources) {
      if (sources.every((k) => model[k] !== undefined && model[k] !== null && model[k] !== '')) body[restName(f)] = derivedKey(model, sources);
    } else if (f.key in model) body[restName(f)] = toValue(model[f.key], f);
  }
  return body;
}
