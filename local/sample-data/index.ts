/**
 * Realistic seed data for the local host, derived from Chorley and South Ribble's shared
 * services monitoring reports (February 2022) and a three-council Revenues and Benefits
 * partnership. Every reference (serviceId, objectiveId, Person id) resolves within it.
 */
import { benefits } from './benefits';
import { highlights } from './highlights';
import { measures } from './measures';
import { objectiveUpdates, objectives } from './objectives';
import { personas, users } from './people';
import { bestPractice, lessonsLearned } from './registers';
import { risks } from './risks';
import { services } from './services';
import type { Persona, SampleData } from './types';

/** The seed data of every list, plus the site users. */
export const sampleData: SampleData = {
  users,
  services,
  objectives,
  objectiveUpdates,
  benefits,
  risks,
  measures,
  highlights,
  bestPractice,
  lessonsLearned
};

/** The workbench personas: 1 editor, 2 service lead, 3 auditor (read-only), 14 responsible officer. */
export { personas };
export { datedSampleData, REFERENCE_TODAY } from './dated';
export type { Persona, SampleData };
