/** Quarterly progress updates of objectives: the history auditors rely on. */
import { OBJECTIVE_STATUSES, RAG_RATINGS } from '../../domain/vocabularies';
import type { ObjectiveUpdate } from '../../domain/types';
import { declareList, derivedField, field } from './declare';
import { periodTitle } from './periodTitle';

/** The objectiveUpdates list. */
export const objectiveUpdatesList = declareList<ObjectiveUpdate>()({
  key: 'objectiveUpdates',
  title: 'SSM Objective Updates',
  url: 'Lists/SSMObjectiveUpdates',
  description: 'Quarterly progress updates of objectives: the history auditors rely on.',
  majorVersionLimit: 500,
  titleDisplayName: 'Update',
  fields: [
    field({ key: 'objectiveId', internalName: 'Objective', displayName: 'Objective', type: 'Lookup', lookupList: 'objectives', required: true, indexed: true }),
    field({ key: 'periodId', internalName: 'Period', displayName: 'Reporting period', type: 'Text', required: true, indexed: true, maxLength: 20 }),
    field({ key: 'narrative', internalName: 'Narrative', displayName: 'Progress update', type: 'RichText', required: true }),
    field({ key: 'status', internalName: 'StatusAtUpdate', displayName: 'Status', type: 'Choice', choices: OBJECTIVE_STATUSES, required: true }),
    field({ key: 'rag', internalName: 'RagAtUpdate', displayName: 'RAG', type: 'Choice', choices: RAG_RATINGS, required: true }),
    field({ key: 'author', internalName: 'UpdateAuthor', displayName: 'Updated by', type: 'User' }),
    field({ key: 'updatedOn', internalName: 'UpdatedOn', displayName: 'Updated on', type: 'DateTime', required: true })
  ],
  derivedKeys: [
    // One update per objective and period, even when two tabs save the same quarter at once.
    derivedField({ key: 'objectivePeriodKey', internalName: 'ObjectivePeriod', displayName: 'Objective and period', type: 'Text', indexed: true, unique: true, maxLength: 64, derivedFrom: ['objectiveId', 'periodId'], description: 'Set by the product: one update per objective and reporting period.' })
  ],
  // Not shown by the product; a readable label for SharePoint's own views.
  computedTitle: (model) => periodTitle(model.periodId, model.objectiveId),
  repository: 'objectiveUpdates',
  initial: 'updates',
  sample: 'required'
});
