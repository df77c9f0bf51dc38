/**
 * The objectives tracker's fake repositories with SharePoint's etags on objectives, for the tests
 * of the status history the update save keeps.
 */
import { ConflictError } from '../../src/data/errors';
import type { ItemChanges } from '../../src/data/repositories';
import type { Objective, ObjectiveUpdate } from '../../src/domain/types';
import type { repositoriesFor } from './fixtures';

/** The fake repositories of the fixtures. */
export type Repos = ReturnType<typeof repositoriesFor>;

/**
 * The fake with SharePoint's etags on objectives: a write with another etag than the stored one
 * (and not `*`) is a 412 carrying the stored version; every write moves the etag on and stamps
 * Modified, and updates get Created too, as SharePoint gives them.
 */
export function withEtags(repos: Repos): Repos {
  let clock = Date.parse('2022-03-01T12:00:00Z');
  const stamp = (): string => new Date((clock += 1000)).toISOString();
  const objectives = { ...repos.objectives };
  repos.objectives.update = async (changes: ItemChanges<Objective>) => {
    const current = await objectives.getById(changes.id);
    if (!current) throw new Error(`No objective ${changes.id}`);
    if (changes.etag !== '*' && changes.etag !== current.etag) {
      throw new ConflictError<Objective>({ ...current }, changes, { operation: 'update', list: 'objectives', itemId: changes.id });
    }
    return { ...(await objectives.update({ ...changes, etag: `"${Number(current.etag.replace(/"/g, '')) + 1}"`, modified: stamp() } as ItemChanges<Objective>)) };
  };
  const updates = { ...repos.objectiveUpdates };
  repos.objectiveUpdates.addMany = async (items) => {
    const at = stamp();
    return updates.addMany(items.map((i) => ({ ...i, created: at, modified: at })));
  };
  repos.objectiveUpdates.update = async (changes) => updates.update({ ...changes, modified: stamp() } as ItemChanges<ObjectiveUpdate>);
  return repos;
}
