/**
 * Shape of the local host's seed data. Models carry explicit ids (1-based per list) so
 * references between lists (serviceId, objectiveId, Person.id) are stable; etags are empty.
 */
import type { Person } from '../../src/domain/types';
import type { ModelOf, SampleListKey } from '../../src/data/lists';

/**
 * Site users and the items of every list declared with sample data (src/data/lists), keyed by
 * list key: required for `sample: 'required'`, optional for `sample: 'optional'` (so generated
 * data sets may leave those out). Users have ids 1..n; the first three are the workbench
 * personas editor, service lead and auditor (read-only); the personas list names the rest.
 */
export type SampleData = {
  users: Person[];
  /**
   * People of the tenant's directory who are not site users yet (someone who has never opened
   * the site): ensureuser adds them to the site, as SharePoint Online does for anyone in Entra
   * ID. Site users are in the directory too; anyone in neither is refused.
   */
  directory?: Array<Pick<Person, 'displayName' | 'email'>>;
} & { [K in SampleListKey<'required'>]: Array<ModelOf<K>> } & {
  [K in SampleListKey<'optional'>]?: Array<ModelOf<K>>;
};

/** Who a workbench persona is and what they may do. */
export interface Persona {
  /** Site user id in SampleData.users. */
  userId: number;
  /** Role shown in the workbench's user switcher; 'officer' is a responsible officer who updates objectives. */
  role: 'editor' | 'serviceLead' | 'auditor' | 'officer';
  /** Whether the persona may edit list items (EditListItems). */
  canEdit: boolean;
}
