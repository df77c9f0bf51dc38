/**
 * Applies an import plan through the Repositories interface: resolves officers' emails to site
 * users, creates and updates items one by one (the list repositories have no batched add), and
 * writes progress updates with `objectiveUpdates.addMany` in batches. Because items are matched
 * by title and service, a rerun after a failure carries on without duplicates.
 *
 * Then every objective whose updates it wrote (added or changed) gets its report status history
 * rebuilt from the update list as stored (`objectiveUpdates.statusesOf`, up to 100 objectives a
 * `$batch`), its earlier updates included, and written alone with etag `*`: the history is a copy
 * of the list, so overwriting is right, and none of the objective's other columns is sent. This
 * happens even when a later progress write failed, for the updates written by then, because a
 * rerun writes no update twice and so would never rebuild those histories. A failed history
 * write is reported like any failed write (after the action plans, which it does not stop); the
 * updates stand, and the report, finding the histories short of the list, reads the updates
 * themselves. The progress callback counts the file's items only.
 */
import type { ImportListKind } from '../domain/import/columns';
import { ImportFileError } from '../domain/import/errors';
import { canApply } from '../domain/import/plan';
import type { ImportModels, ImportPlan, PlannedAction, PlannedProgress } from '../domain/import/plan';
import { historiesOf } from '../domain/statusHistory';
import type { ObjectiveAction, ObjectiveUpdate, Person, Service } from '../domain/types';
import type { ListRepository, NewItem, Repositories } from '../data/repositories';
import { ImportApplyError } from './applyError';

export { ImportApplyError } from './applyError';

/** Options of {@link applyImportPlan}. */
export interface ApplyOptions {
  /** When the import runs (ISO 8601). Progress updates carry their own date (from the file or their period). */
  readonly now: string;
  /** Progress updates per `$batch` (default 100, SharePoint's batch limit is higher but throttles). */
  readonly batchSize?: number;
  /**
   * Called after each item of the file is written, for a progress bar ("3 of 8 items written");
   * the progress updates, status histories and actions that follow are not counted.
   */
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
  /** Services created for names the file used. */
  readonly servicesCreated?: number;
  /** Actions of action plans created or changed. */
  readonly actionsWritten?: number;
  /** Objectives whose report status history was rewritten (those whose progress updates were written). */
  readonly historiesWritten?: number;
}

/** Objectives whose status histories are read per `statusesOf` call (one `$batch` part each; 100 is SharePoint's limit). */
const HISTORY_READ_CHUNK = 100;

/** Model property holding the person given by email, per list. */
const PERSON_KEY: { readonly [K in ImportListKind]: string | undefined } = {
  objectives: 'responsibleOfficer',
  benefits: undefined,
  risks: 'owner',
  bestPractice: undefined,
  lessonsLearned: undefined,
  successes: undefined
};

type AnyModel = ImportModels[ImportListKind];

/** Writes the plan. Throws ImportApplyError (with what was written) when a write fails, and ImportFileError when the plan has unmapped columns. */
export async function applyImportPlan(repos: Repositories, plan: ImportPlan, options: ApplyOptions): Promise<ApplyResult> {
  if (!canApply(plan)) {
    throw new ImportFileError(
      'unmappedColumns',
      `Nothing was written: column${plan.unmapped.length === 1 ? '' : 's'} ${plan.unmapped.map((u) => `"${u.heading}"`).join(', ')} ${plan.unmapped.length === 1 ? 'holds' : 'hold'} data that this import would not store. Map each to a column or choose to ignore it, then check the file again.`
    );
  }
  const counts = { created: 0, updated: 0, updatesCreated: 0, updatesChanged: 0, servicesCreated: 0, actionsWritten: 0, historiesWritten: 0 };
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

  // People first, so an unknown address stops the import before any item is written.
  const people = new Map<string, Person>();
  const emails: string[] = [];
  for (const p of [...plan.create, ...plan.update]) {
    if (p.officerEmail) emails.push(p.officerEmail);
    for (const u of p.progress) if (u.authorEmail) emails.push(u.authorEmail);
    for (const a of p.actions ?? []) if (a.ownerEmail) emails.push(a.ownerEmail);
  }
  for (const email of emails) {
    if (people.has(email)) continue;
    try {
      people.set(email, await repos.ensureUser(email));
    } catch (e) {
      fail(e, `Finding the site user ${email}`);
    }
  }

  // Services the user chose to create, before the items that need them. A rerun finds them
  // stored, so they are never created twice.
  const serviceIds = new Map<number, number>();
  for (const s of plan.newServices) {
    if (!s.create || s.provisionalId === undefined || !s.phase) continue;
    let stored: Service | undefined;
    try {
      stored = await repos.services.add({ name: s.name, phase: s.phase, partnerCouncils: [...(s.partnerCouncils ?? [])] } as NewItem<Service>);
    } catch (e) {
      fail(e, `Creating the service "${s.name}"`);
    }
    if (stored) serviceIds.set(s.provisionalId, stored.id);
    counts.servicesCreated++;
  }
  const realService = (values: Record<string, unknown>): Record<string, unknown> =>
    typeof values.serviceId === 'number' && values.serviceId < 0 ? { ...values, serviceId: serviceIds.get(values.serviceId) } : values;

  const repo = repos[plan.list] as unknown as ListRepository<AnyModel>;
  const personKey = PERSON_KEY[plan.list];
  const withPerson = (values: Record<string, unknown>, email: string | undefined): Record<string, unknown> =>
    personKey && email ? { ...values, [personKey]: people.get(email) } : values;
  const newProgress: Array<{ row: number; objectiveId: number; progress: PlannedProgress }> = [];
  const actions: Array<{ row: number; objectiveId: number; action: PlannedAction }> = [];
  const changedProgress: Array<{ row: number; objectiveId: number; progress: PlannedProgress }> = [];
  // Each item's title and row, to name an objective whose history could not be written.
  const named = new Map<number, { title: string; row: number }>();

  for (const c of plan.create) {
    let stored: AnyModel | undefined;
    try {
      stored = await repo.add(withPerson(realService(c.item as Record<string, unknown>), c.officerEmail) as unknown as NewItem<AnyModel>);
    } catch (e) {
      fail(e, `Creating "${String((c.item as Record<string, unknown>).title)}"`, c.row);
    }
    counts.created++;
    step();
    if (stored) named.set(stored.id, { title: String((c.item as Record<string, unknown>).title), row: c.row });
    if (stored) for (const p of c.progress) newProgress.push({ row: c.row, objectiveId: stored.id, progress: p });
    if (stored) for (const a of c.actions ?? []) actions.push({ row: c.row, objectiveId: stored.id, action: a });
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
    named.set(u.id, { title: u.title, row: u.row });
    for (const p of u.progress) (p.existing ? changedProgress : newProgress).push({ row: u.row, objectiveId: u.id, progress: p });
    for (const a of u.actions ?? []) actions.push({ row: u.row, objectiveId: u.id, action: a });
  }

  const author = (p: PlannedProgress): Person | undefined => (p.authorEmail ? people.get(p.authorEmail) : undefined);
  // Objectives whose updates were written, or were being written when a write failed: their
  // histories are rebuilt from what the list holds either way.
  const touched: number[] = [];
  const touch = (objectiveId: number): void => {
    if (touched.indexOf(objectiveId) < 0) touched.push(objectiveId);
  };
  const writeProgress = async (): Promise<void> => {
    const size = Math.max(1, options.batchSize ?? 100);
    for (let i = 0; i < newProgress.length; i += size) {
      const chunk = newProgress.slice(i, i + size);
      for (const c of chunk) touch(c.objectiveId);
      const items: Array<NewItem<ObjectiveUpdate>> = chunk.map(({ objectiveId, progress }) => ({
        objectiveId,
        periodId: progress.periodId,
        narrative: progress.narrative,
        status: progress.status,
        rag: progress.rag,
        author: author(progress),
        updatedOn: progress.updatedOn
      }));
      try {
        await repos.objectiveUpdates.addMany(items);
      } catch (e) {
        fail(e, `Writing progress updates for rows ${chunk[0].row} to ${chunk[chunk.length - 1].row}`);
      }
      counts.updatesCreated += items.length;
    }
    for (const { row, objectiveId, progress } of changedProgress) {
      touch(objectiveId);
      const existing = progress.existing as { id: number; etag: string };
      try {
        await repos.objectiveUpdates.update({
          id: existing.id,
          etag: existing.etag,
          narrative: progress.narrative,
          status: progress.status,
          rag: progress.rag,
          author: author(progress),
          updatedOn: progress.updatedOn
        });
      } catch (e) {
        fail(e, 'Changing the progress update', row);
      }
      counts.updatesChanged++;
    }
  };
  let failure: unknown;
  try {
    await writeProgress();
  } catch (e) {
    failure = e;
  }
  const historyFailure = await writeHistories(repos, touched, named, counts);
  // Actions last: matched by objective and title, so a rerun after a failure adds none twice. A
  // failed history leaves the updates right, so the actions are still written.
  if (failure === undefined) {
    try {
      for (const { row, objectiveId, action } of actions) {
        const values = { title: action.title, timescale: action.timescale, status: action.status, owner: action.ownerEmail ? people.get(action.ownerEmail) : undefined };
        try {
          if (action.existing) await repos.objectiveActions.update({ ...values, id: action.existing.id, etag: action.existing.etag });
          else await repos.objectiveActions.add({ ...values, objectiveId } as NewItem<ObjectiveAction>);
        } catch (e) {
          fail(e, `Writing the action "${action.title}"`, row);
        }
        counts.actionsWritten++;
      }
    } catch (e) {
      failure = e;
    }
  }
  if (failure !== undefined && !(failure instanceof ImportApplyError)) throw failure;
  if (failure || historyFailure) {
    // One error telling both failures, counting everything written up to the end.
    const message = [failure?.message, historyFailure?.message].filter((m) => m !== undefined).join(' ');
    throw new ImportApplyError(message, { ...counts }, failure ? failure.cause : historyFailure?.cause, failure ? failure.row : historyFailure?.row);
  }
  return counts;
}

/** Why some status histories were not written, in a sentence for the user. */
interface HistoryFailure {
  readonly message: string;
  readonly cause: unknown;
  readonly row?: number;
}

/**
 * Rebuilds and writes the status history of each objective from its updates as stored. Every
 * objective is tried, so one failure leaves the others right; the first failure is returned.
 */
async function writeHistories(
  repos: Repositories,
  objectiveIds: readonly number[],
  known: ReadonlyMap<number, { title: string; row: number }>,
  counts: { historiesWritten: number }
): Promise<HistoryFailure | undefined> {
  const failed: Array<{ objectiveId: number; cause: unknown }> = [];
  for (let i = 0; i < objectiveIds.length; i += HISTORY_READ_CHUNK) {
    const chunk = objectiveIds.slice(i, i + HISTORY_READ_CHUNK);
    let updates: ObjectiveUpdate[];
    try {
      updates = await repos.objectiveUpdates.statusesOf(chunk);
    } catch (e) {
      for (const objectiveId of chunk) failed.push({ objectiveId, cause: e });
      continue;
    }
    const histories = historiesOf(updates);
    for (const objectiveId of chunk) {
      try {
        await repos.objectives.update({ id: objectiveId, etag: '*', statusHistory: histories.get(objectiveId) ?? '' });
        counts.historiesWritten++;
      } catch (e) {
        failed.push({ objectiveId, cause: e });
      }
    }
  }
  if (failed.length === 0) return undefined;
  const first = failed[0];
  const item = known.get(first.objectiveId);
  const reason = first.cause instanceof Error ? first.cause.message : String(first.cause);
  const name = item ? `"${item.title}" (row ${item.row})` : `the objective with id ${first.objectiveId}`;
  const others = failed.length - 1;
  return {
    message: `The report status history of ${name}${others > 0 ? ` and of ${others} other objective${others === 1 ? '' : 's'}` : ''} could not be written: ${reason} The progress updates are kept; the highlight report, finding the histories short of the update list, reads every update from the list instead, which is slower.`,
    cause: first.cause,
    row: item?.row
  };
}
