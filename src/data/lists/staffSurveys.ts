/** Staff satisfaction survey results, one row per service per survey (every other quarter). */
import type { StaffSurvey } from '../../domain/types';
import { declareList, field } from './declare';
import { periodTitle } from './periodTitle';

/** The staffSurveys list. */
export const staffSurveysList = declareList<StaffSurvey>()({
  key: 'staffSurveys',
  title: 'SSM Staff Surveys',
  url: 'Lists/SSMStaffSurveys',
  description: 'Staff satisfaction survey results for each service, surveyed every other quarter.',
  majorVersionLimit: 500,
  titleDisplayName: 'Survey',
  fields: [
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', required: true, indexed: true }),
    field({ key: 'periodId', internalName: 'Period', displayName: 'Survey period', type: 'Text', required: true, indexed: true, maxLength: 20 }),
    field({ key: 'surveyed', internalName: 'Surveyed', displayName: 'People surveyed', type: 'Integer', required: true, min: 1 }),
    field({ key: 'responses', internalName: 'Responses', displayName: 'Responses', type: 'Integer', required: true, min: 0 }),
    field({ key: 'satisfiedPercent', internalName: 'SatisfiedPercent', displayName: 'Satisfied (%)', type: 'Number', required: true, min: 0, max: 100 }),
    field({ key: 'themes', internalName: 'Themes', displayName: 'Themes', type: 'RichText' })
  ],
  computedTitle: (model) => periodTitle(model.periodId, model.serviceId),
  repository: 'period',
  initial: 'staffSurveys',
  sample: 'required'
});
