/**
 * Reports too large for a snapshot's column. Even compressed (snapshotCodec), a whole
 * programme's report can pass the 63,999 characters a list column holds; it is then stored as a
 * file of the "Committee papers" library ("Report data", JSON holding the packed report) and the
 * column keeps a pointer to it. Reading a snapshot follows the pointer, and the snapshot's
 * SHA-256 fingerprint covers the file's content, not the pointer, so a changed file reads as
 * "altered after publishing" exactly as a changed column does. Nothing is refused for its size.
 */
import type { SPFI } from '@pnp/sp';
import type { NewSnapshot } from '../domain/report/snapshot';
import { bytesHash } from './papers';
import { paperFields, PnpPaperFiles } from './papersLibrary';
import { toDataAccessError } from './errors';

/** Marks a snapshot column that holds the address of the file keeping its report. */
export const FILE_POINTER_PREFIX = 'ssm-file:';

/** Whether a stored column value points to a file. */
export function isFilePointer(stored: unknown): stored is string {
  return typeof stored === 'string' && stored.startsWith(FILE_POINTER_PREFIX);
}

/** A file name for a report's data: its series, version and a random part (two publishers never collide). */
export function reportDataFileName(item: Pick<NewSnapshot, 'periodId' | 'serviceId' | 'version' | 'model'>, random: string = crypto.randomUUID()): string {
  const scope = item.serviceId === undefined ? 'all' : `service-${item.serviceId}`;
  return `Report-data-${item.periodId}-${item.model.kind}-${scope}-v${item.version}-${random.slice(0, 8)}.json`;
}

/**
 * Stores a packed report as a file of the library, described as "Report data" of its series and
 * version; returns what the snapshot's column keeps (the pointer).
 */
export async function storeOversizeModel(sp: SPFI, item: NewSnapshot, packed: string): Promise<string> {
  const files = new PnpPaperFiles(sp);
  const bytes = new TextEncoder().encode(JSON.stringify(packed));
  try {
    const fileUrl = await files.upload(reportDataFileName(item), bytes, false);
    // A member may not write the file's columns; the pointer and the snapshot's fingerprint
    // find and check the file without them.
    await files.describeIfAllowed(fileUrl, paperFields(item, 'Report data', await bytesHash(bytes)));
    return FILE_POINTER_PREFIX + fileUrl;
  } catch (e) {
    throw await toDataAccessError(e, { operation: 'add', list: 'committeePapers' });
  }
}

/**
 * What a snapshot's column stands for: the column's own value, or, when it points to a file,
 * the packed report that file holds (read through SharePoint; a missing or unreadable file
 * throws, and the snapshot is then listed as unreadable with the reason).
 */
export async function storedModelText(sp: SPFI, stored: unknown): Promise<unknown> {
  if (!isFilePointer(stored)) return stored;
  const fileUrl = stored.slice(FILE_POINTER_PREFIX.length);
  let text: string;
  try {
    text = await new PnpPaperFiles(sp).text(fileUrl);
  } catch (e) {
    const err = await toDataAccessError(e, { operation: 'read', list: 'committeePapers' });
    throw new Error(`its report is kept in ${fileUrl}, which could not be read (${err.serverMessage ?? err.message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`its report file ${fileUrl} does not hold the report as published`);
  }
}
