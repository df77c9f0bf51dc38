/**
 * Shape of the local host's seed data. Models carry explicit ids (1-based per list) so
 * references between lists (serviceId, objectiveId, Person.id) are stable; etags are empty.
 */
import type {
  Benefit,
  BestPractice,
  Highlight,
  LessonLearned,
  Measure,
  Objective,
  ObjectiveUpdate,
  Person,
  Risk,
  Service
} from '../../src/domain/types';

/** Site users and every list's items, keyed like the schema's ListKey. */
export interface SampleData {
  /** Site users; ids 1..n. The first three are the workbench personas editor, service lead and auditor (read-only); the personas list names the rest. */
  users: Person[];
  services: Service[];
  objectives: Objective[];
  objectiveUpdates: ObjectiveUpdate[];
  benefits: Benefit[];
  risks: Risk[];
  measures: Measure[];
  highlights: Highlight[];
  /** Annual review best practice register; optional so generated data sets may leave it out. */
  bestPractice?: BestPractice[];
  /** Annual review lessons learned register; optional like bestPractice. */
  lessonsLearned?: LessonLearned[];
}

/** Who a workbench persona is and what they may do. */
export interface Persona {
  /** Site user id in SampleData.users. */
  userId: number;
  /** Role shown in the workbench's user switcher; 'officer' is a responsible officer who updates objectives. */
  role: 'editor' | 'serviceLead' | 'auditor' | 'officer';
  /** Whether the persona may edit list items (EditListItems). */
  canEdit: boolean;
}
