/** The risk register: likelihood x impact, inherent and residual. */
import { RISK_STATUSES } from '../../domain/vocabularies';
import type { Risk } from '../../domain/types';
import { declareList, field } from './declare';
import { BUILT_IN } from './builtIn';

/** The risks list. */
export const risksList = declareList<Risk>()({
  key: 'risks',
  titleKey: 'title',
  title: 'SSM Risks',
  url: 'Lists/SSMRisks',
  description: 'Risk register: likelihood x impact, inherent and residual.',
  majorVersionLimit: 500,
  titleDisplayName: 'Risk',
  fields: [
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', indexed: true }),
    field({ key: 'causeEffect', internalName: 'CauseEffect', displayName: 'Cause and effect', type: 'RichText' }),
    field({ key: 'owner', internalName: 'RiskOwner', displayName: 'Risk owner', type: 'User', required: true }),
    field({ key: 'inherentLikelihood', internalName: 'InherentLikelihood', displayName: 'Inherent likelihood', type: 'Integer', required: true, min: 1, max: 5 }),
    field({ key: 'inherentImpact', internalName: 'InherentImpact', displayName: 'Inherent impact', type: 'Integer', required: true, min: 1, max: 5 }),
    field({ key: 'residualLikelihood', internalName: 'ResidualLikelihood', displayName: 'Residual likelihood', type: 'Integer', required: true, min: 1, max: 5 }),
    field({ key: 'residualImpact', internalName: 'ResidualImpact', displayName: 'Residual impact', type: 'Integer', required: true, min: 1, max: 5 }),
    field({ key: 'controls', internalName: 'Controls', displayName: 'Controls', type: 'RichText' }),
    field({ key: 'reviewDate', internalName: 'ReviewDate', displayName: 'Review date', type: 'DateOnly', indexed: true }),
    field({ key: 'previousResidualScore', internalName: 'PreviousResidualScore', displayName: 'Previous residual score', type: 'Integer', min: 1, max: 25 }),
    field({ key: 'status', internalName: 'RiskStatus', displayName: 'Status', type: 'Choice', choices: RISK_STATUSES, required: true, indexed: true })
  ],
  views: (fieldOf) => [
    {
      title: 'Overdue reviews',
      fields: [BUILT_IN.title, fieldOf('serviceId'), fieldOf('owner'), fieldOf('reviewDate'), fieldOf('status')],
      query:
        `<Where><And><Lt><FieldRef Name="${fieldOf('reviewDate')}" /><Value Type="DateTime"><Today /></Value></Lt>` +
        `<Eq><FieldRef Name="${fieldOf('status')}" /><Value Type="Choice">Open</Value></Eq></And></Where>`,
      rowLimit: 100
    }
  ],
  repository: 'list',
  initial: 'risks',
  sample: 'required',
  import: { alsoReads: ['services'] }
});
