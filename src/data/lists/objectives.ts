/** Service development objectives, one row per objective. */
import { OBJECTIVE_RAGS, OBJECTIVE_STATUSES } from '../../domain/vocabularies';
import type { Objective } from '../../domain/types';
import { declareList, field } from './declare';
import { BUILT_IN } from './builtIn';

/** The objectives list. */
export const objectivesList = declareList<Objective>()({
  key: 'objectives',
  titleKey: 'title',
  title: 'SSM Objectives',
  url: 'Lists/SSMObjectives',
  description: 'Service development objectives, one row per objective.',
  majorVersionLimit: 500,
  titleDisplayName: 'Description of the objective',
  fields: [
    field({ key: 'aim', internalName: 'Aim', displayName: 'What does the objective aim to achieve', type: 'RichText' }),
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', required: true, indexed: true }),
    field({ key: 'status', internalName: 'ObjectiveStatus', displayName: 'Status', type: 'Choice', choices: OBJECTIVE_STATUSES, required: true, indexed: true }),
    field({ key: 'rag', internalName: 'Rag', displayName: 'RAG', type: 'Choice', choices: OBJECTIVE_RAGS, required: true }),
    field({ key: 'responsibleOfficer', internalName: 'ResponsibleOfficer', displayName: 'Responsible officer', type: 'User', required: true, indexed: true }),
    field({ key: 'targetDate', internalName: 'TargetDate', displayName: 'Target date', type: 'DateOnly' }),
    field({ key: 'lastUpdatePeriodId', internalName: 'LastUpdatePeriod', displayName: 'Last update period', type: 'Text', maxLength: 20 }),
    field({ key: 'nextUpdateDue', internalName: 'NextUpdateDue', displayName: 'Next update due', type: 'DateOnly', indexed: true }),
    // A copy of the updates' statuses, kept by the update save and the import, so a report reads
    // the objectives and one period's updates rather than every update ever written.
    field({
      key: 'statusHistory',
      internalName: 'StatusHistory',
      displayName: 'Status history',
      type: 'Note',
      onDemand: true,
      description: 'Set by the product: the period, status and RAG of each update, for reports.'
    })
  ],
  views: (fieldOf) => [
    {
      title: 'Overdue updates',
      fields: [BUILT_IN.title, fieldOf('serviceId'), fieldOf('responsibleOfficer'), fieldOf('lastUpdatePeriodId'), fieldOf('nextUpdateDue'), fieldOf('status')],
      query:
        `<Where><And><Lt><FieldRef Name="${fieldOf('nextUpdateDue')}" /><Value Type="DateTime"><Today /></Value></Lt>` +
        `<And><Neq><FieldRef Name="${fieldOf('status')}" /><Value Type="Choice">Complete</Value></Neq>` +
        `<Neq><FieldRef Name="${fieldOf('status')}" /><Value Type="Choice">On hold</Value></Neq></And></And></Where>` +
        `<OrderBy><FieldRef Name="${fieldOf('nextUpdateDue')}" /></OrderBy>`,
      rowLimit: 100
    }
  ],
  repository: 'list',
  initial: 'objectives',
  sample: 'required',
  import: { alsoReads: ['services', 'objectiveUpdates', 'objectiveActions'] }
});
