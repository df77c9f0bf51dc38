/**
 * Applies an import plan through the Repositories interface: resolves officers' emails to site
 * users, creates and updates items one by one (the list repositories have no batched add), and
 * writes progress updates with `objectiveUpdates.addMany` in batches. Because items are matched
 * by title and service, a rerun after a failure carries on without duplicates.
 */
import type { ImportListKind } from '../domain/import/columns';
import type { ImportModels, ImportPlan, PlannedProgress } from '../domain/import/plan';
import type { ObjectiveUpdate, Person } from '../domain/types';
import type { ListRepository, NewItem, Repositories } from '../data/repositories';

/** Options of {@link applyImportPlan}. */
export interface ApplyOptions {
  /** When the import runs (ISO 8601), the progress updates' "Updated on". */
  readonly now: string;
  /** Progress updates per `$batch` (default 100, SharePoint's batch limit is higher but throttles). */
  readonly batchSize?: number;
  /** Called after each write, for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What an apply wrote. */
export interface ApplyResult {
  /** Items created. */
  readonly created: number;
  /** Items updated. */
  readonly updated: number;
  /** Progress updates created. */
  readonly updatesCreated: number;
  /** Progress updates changed. */
  readonly updatesChanged: number;
}

/** Applying stopped part way; what was written stays, and rerunning the import completes it. */
export class ImportApplyError extends Error {
  /** What had been written before the failure. */
  public readonly written: ApplyResult;
  /** Row being written when it failed, if any. */
  public readonly row?: number;
  /** The underlying error (a DataAccessError from the repositories). */
  public readonly cause: unknown;

  public constructor(message: string, written: ApplyResult, cause: unknown, row?: number) {
    super(message);
    this.name = 'ImportApplyError';
    this.written = written;
    this.cause = cause;
    this.row = row;
    // Keeps `instanceof` working when compiled to ES5 by the SPFx toolchain.
    Object.setPrototypeOf(this, ImportApplyError.prototype);
  }
}

/** Model property holding the person given by email, per list. */
const PERSON_KEY: { readonly [K in ImportListKind]: string | undefined } = { objectives: 'responsibleOfficer', benefits: undefined, risks: 'owner' };

type AnyModel = ImportModels[ImportListKind];

/** Writes the plan. Throws ImportApplyError (with what was written) when a write fails. */
export async function applyImportPlan(repos: Repositories, plan: ImportPlan, options: ApplyOptions): Promise<ApplyResult> {
  const counts = { created: 0, updated: 0, updatesCreated: 0, updatesChanged: 0 };
  const total = plan.create.length + plan.update.length;
  let done = 0;
  const step = (): void => options.onProgress?.(++done, total);
  const fail = (e: unknown, what: string, row?: number): never => {
    const reason = e instanceof Error ? e.message : String(e);
    throw new ImportApplyError(
      `${what}${row !== undefined ? ` (row ${row})` : ''} failed: ${reason} Items already written are kept; run the import again to finish it without duplicates.`,
      { ...counts },
      e,
      row
    );
  };

  // Officers first, so an unknown address stops the import before any item is written.
  const people = new Map<string, Person>();
  const emails = [...plan.create, ...plan.update].map((p) => p.officerEmail).filter((e): e is string => !!e);
  for (const email of emails) {
    if (people.has(email)) continue;
    try {
      people.set(email, await repos.ensureUser(email));
    } catch (e) {
      fail(e, `Finding the site user ${email}`);
    }
  }

  const repo = repos[plan.list] as unknown as ListRepository<AnyModel>;
  const personKey = PERSON_KEY[plan.list];
  const withPerson = (values: Record<string, unknown>, email: string | undefined): Record<string, unknown> =>
    personKey && email ? { ...values, [personKey]: people.get(email) } : values;
  const newProgress: Array<{ row: number; objectiveId: number; progress: PlannedProgress }> = [];
  const changedProgress: Array<{ row: number; objectiveId: number; progress: PlannedProgress }> = [];

  for (const c of plan.create) {
    let stored: AnyModel | undefined;
    try {
      stored = await repo.add(withPerson(c.item as Record<string, unknown>, c.officerEmail) as unknown as NewItem<AnyModel>);
    } catch (e) {
      fail(e, `Creating "${String((c.item as Record<string, unknown>).title)}"`, c.row);
    }
    counts.created++;
    step();
    if (c.progress && stored) newProgress.push({ row: c.row, objectiveId: stored.id, progress: c.progress });
  }
  for (const u of plan.update) {
    if (Object.keys(u.changes).length > 0 || u.officerEmail) {
      try {
        await repo.update({ ...withPerson(u.changes as Record<string, unknown>, u.officerEmail), id: u.id, etag: u.etag } as never);
      } catch (e) {
        fail(e, `Updating "${u.title}"`, u.row);
      }
      counts.updated++;
    }
    step();
    if (u.progress) (u.progress.existing ? changedProgress : newProgress).push({ row: u.row, objectiveId: u.id, progress: u.progress });
  }

  const size = Math.max(1, options.batchSize ?? 100);
  for (let i = 0; i < newProgress.length; i += size) {
    const chunk = newProgress.slice(i, i + size);
    const items: Array<NewItem<ObjectiveUpdate>> = chunk.map(({ objectiveId, progress }) => ({
      objectiveId,
      periodId: progress.periodId,
      narrative: progress.narrative,
      status: progress.status,
      rag: progress.rag,
      updatedOn: options.now
    }));
    try {
      await repos.objectiveUpdates.addMany(items);
    } catch (e) {
      fail(e, `Writing progress updates for rows ${chunk[0].row} to ${chunk[chunk.length - 1].row}`);
    }
    counts.updatesCreated += items.length;
  }
  for (const { row, progress } of changedProgress) {
    const existing = progress.existing as { id: number; etag: string };
    try {
      await repos.objectiveUpdates.update({ id: existing.id, etag: existing.etag, narrative: progress.narrative, status: progress.status, rag: progress.rag, updatedOn: options.now });
    } catch (e) {
      fail(e, 'Changing the progress update', row);
    }
    counts.updatesChanged++;
  }
  return counts;
}
