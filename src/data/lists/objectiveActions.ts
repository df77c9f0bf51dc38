/** The actions of objectives' action plans (title, timescale, owner, status), each a list item of its own. */
import { ACTION_STATUSES } from '../../domain/vocabularies';
import type { ObjectiveAction } from '../../domain/types';
import { declareList, field } from './declare';

/** The objectiveActions list. */
export const objectiveActionsList = declareList<ObjectiveAction>()({
  key: 'objectiveActions',
  titleKey: 'title',
  title: 'SSM Objective Actions',
  url: 'Lists/SSMObjectiveActions',
  description: 'The actions of each objective\'s action plan: what, by when, by whom and where it stands.',
  majorVersionLimit: 500,
  titleDisplayName: 'Action',
  fields: [
    field({ key: 'objectiveId', internalName: 'Objective', displayName: 'Objective', type: 'Lookup', lookupList: 'objectives', required: true, indexed: true }),
    field({ key: 'timescale', internalName: 'Timescale', displayName: 'Timescale', type: 'Text', maxLength: 255 }),
    field({ key: 'owner', internalName: 'ActionOwner', displayName: 'Owner', type: 'User' }),
    field({ key: 'status', internalName: 'ActionStatus', displayName: 'Status', type: 'Choice', choices: ACTION_STATUSES, required: true })
  ],
  repository: 'list',
  initial: 'actions',
  sample: 'optional'
});
