/**
 * Applies an import plan through the Repositories interface: resolves officers' emails to site
 * users, creates and updates items one by one (the list repositories have no batched add), and
 * writes progress updates with `objectiveUpdates.addMany` in batches. Because items are matched
 * by title and service, a rerun after a failure carries on without duplicates.
 */
import type { ImportListKind } from '../domain/import/columns';
import { ImportFileError } from '../domain/import/errors';
import { canApply } from '../domain/import/plan';
import type { ImportModels, ImportPlan, PlannedAction, PlannedProgress } from '../domain/import/plan';
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
  /** Services created for names the file used. */
  readonly servicesCreated?: number;
  /** Actions of action plans created or changed. */
  readonly actionsWritten?: number;
}

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
  const counts = { created: 0, updated: 0, updatesCreated: 0, updatesChanged: 0, servicesCreated: 0, actionsWritten: 0 };
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

  for (const c of plan.create) {
    let stored: AnyModel | undefined;
    try {
      stored = await repo.add(withPerson(realService(c.item as Record<string, unknown>), c.officerEmail) as unknown as NewItem<AnyModel>);
    } catch (e) {
      fail(e, `Creating "${String((c.item as Record<string, unknown>).title)}"`, c.row);
    }
    counts.created++;
    step();
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
    for (const p of u.progress) (p.existing ? changedProgress : newProgress).push({ row: u.row, objectiveId: u.id, progress: p });
    for (const a of u.actions ?? []) actions.push({ row: u.row, objectiveId: u.id, action: a });
  }

  const author = (p: PlannedProgress): Person | undefined => (p.authorEmail ? people.get(p.authorEmail) : undefined);
  const size = Math.max(1, options.batchSize ?? 100);
  for (let i = 0; i < newProgress.length; i += size) {
    const chunk = newProgress.slice(i, i + size);
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
  for (const { row, progress } of changedProgress) {
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
  // Actions last: matched by objective and title, so a rerun after a failure adds none twice.
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
  return counts;
}
