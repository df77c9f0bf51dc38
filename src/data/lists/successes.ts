/** Annual review: areas of success and achievements of the shared services. */
import { SUCCESS_CATEGORIES } from '../../domain/vocabularies';
import type { Success } from '../../domain/types';
import { declareList, field } from './declare';

/** The successes list. */
export const successesList = declareList<Success>()({
  key: 'successes',
  titleKey: 'title',
  title: 'SSM Successes',
  url: 'Lists/SSMSuccesses',
  description: 'Annual review: areas of success and achievements of the shared services.',
  majorVersionLimit: 100,
  titleDisplayName: 'Success',
  fields: [
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', required: true, indexed: true }),
    field({ key: 'achievement', internalName: 'Achievement', displayName: 'What was achieved', type: 'RichText', required: true }),
    field({
      key: 'councils',
      internalName: 'CouncilsBenefiting',
      displayName: 'Councils benefiting',
      type: 'Json',
      jsonShape: 'array',
      jsonEntry: 'string',
      description: 'The councils that benefit; empty when every partner council of the service does.'
    }),
    field({ key: 'category', internalName: 'SuccessCategory', displayName: 'Category', type: 'Choice', choices: SUCCESS_CATEGORIES, required: true, indexed: true }),
    field({ key: 'achievedOn', internalName: 'AchievedOn', displayName: 'Achieved on', type: 'DateOnly', required: true, indexed: true })
  ],
  repository: 'list',
  initial: 'successes',
  sample: 'optional',
  import: { alsoReads: ['services'] }
});
