/** The benefits tracker: savings and other benefits of sharing, with evidence. */
import { BENEFIT_CATEGORIES, BENEFIT_DELIVERY_STATUSES } from '../../domain/vocabularies';
import type { Benefit } from '../../domain/types';
import { declareList, field } from './declare';

/** The benefits list. */
export const benefitsList = declareList<Benefit>()({
  key: 'benefits',
  titleKey: 'title',
  title: 'SSM Benefits',
  url: 'Lists/SSMBenefits',
  description: 'Benefits tracker: savings and other benefits of sharing, with evidence.',
  majorVersionLimit: 500,
  titleDisplayName: 'Benefit',
  fields: [
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', required: true, indexed: true }),
    field({ key: 'category', internalName: 'BenefitCategory', displayName: 'Category', type: 'Choice', choices: BENEFIT_CATEGORIES, required: true, indexed: true }),
    field({ key: 'originalPosition', internalName: 'OriginalPosition', displayName: 'Original position', type: 'RichText' }),
    field({ key: 'achievement', internalName: 'Achievement', displayName: 'What will the benefit achieve?', type: 'RichText' }),
    field({ key: 'whenDelivered', internalName: 'WhenDelivered', displayName: 'When will the benefit be delivered?', type: 'Text', maxLength: 255 }),
    field({ key: 'deliveryStatus', internalName: 'DeliveryStatus', displayName: 'Delivery status', type: 'Choice', choices: BENEFIT_DELIVERY_STATUSES, required: true }),
    field({ key: 'realised', internalName: 'BenefitsRealised', displayName: 'Benefits realised', type: 'RichText' }),
    field({
      key: 'savings',
      internalName: 'SavingsByCouncil',
      displayName: 'Savings by council (£)',
      type: 'Json',
      jsonShape: 'array',
      jsonEntry: { council: 'string', planned: 'number', realised: 'number' },
      description: 'Planned and realised savings for each partner council.'
    }),
    field({ key: 'fteBefore', internalName: 'FteBefore', displayName: 'FTE before', type: 'Number', min: 0 }),
    field({ key: 'fteAfter', internalName: 'FteAfter', displayName: 'FTE after', type: 'Number', min: 0 }),
    field({ key: 'evidenceUrl', internalName: 'EvidenceLink', displayName: 'Evidence', type: 'URL' })
  ],
  repository: 'list',
  initial: 'benefits',
  sample: 'required',
  import: { alsoReads: ['services'] }
});
