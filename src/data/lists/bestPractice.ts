/** Annual review: practice one partner council shared with another. */
import { BEST_PRACTICE_CATEGORIES } from '../../domain/vocabularies';
import type { BestPractice } from '../../domain/types';
import { declareList, field } from './declare';

/** The bestPractice list. */
export const bestPracticeList = declareList<BestPractice>()({
  key: 'bestPractice',
  titleKey: 'title',
  title: 'SSM Best Practice',
  url: 'Lists/SSMBestPractice',
  description: 'Annual review: practice one partner council shared with another.',
  majorVersionLimit: 100,
  titleDisplayName: 'Best practice',
  fields: [
    field({ key: 'fromCouncil', internalName: 'FromCouncil', displayName: 'From council', type: 'Text', required: true, maxLength: 255 }),
    field({ key: 'toCouncil', internalName: 'ToCouncil', displayName: 'To council', type: 'Text', required: true, maxLength: 255 }),
    field({ key: 'description', internalName: 'PracticeDescription', displayName: 'Description', type: 'RichText' }),
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', indexed: true }),
    // Optional: practice recorded before categories were kept has none.
    field({ key: 'category', internalName: 'PracticeCategory', displayName: 'Category', type: 'Choice', choices: BEST_PRACTICE_CATEGORIES, indexed: true })
  ],
  repository: 'list',
  initial: 'bestPractice',
  sample: 'optional',
  import: { alsoReads: ['services'] }
});
