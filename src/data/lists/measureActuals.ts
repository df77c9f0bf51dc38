/** Quarterly actuals of the business plan measures, entered by the officer responsible with a comment. */
import type { MeasureActual } from '../../domain/types';
import { declareList, field } from './declare';
import { periodTitle } from './periodTitle';

/** The measureActuals list. */
export const measureActualsList = declareList<MeasureActual>()({
  key: 'measureActuals',
  title: 'SSM Measure Actuals',
  url: 'Lists/SSMMeasureActuals',
  description: 'Quarterly actual of each business plan measure, with the officer\'s comment.',
  majorVersionLimit: 500,
  titleDisplayName: 'Actual',
  fields: [
    field({ key: 'measureId', internalName: 'Measure', displayName: 'Measure', type: 'Lookup', lookupList: 'measures', required: true, indexed: true }),
    field({ key: 'periodId', internalName: 'Period', displayName: 'Reporting period', type: 'Text', required: true, indexed: true, maxLength: 20 }),
    field({ key: 'value', internalName: 'ActualValue', displayName: 'Actual', type: 'Number', required: true }),
    field({ key: 'comment', internalName: 'ActualComment', displayName: 'Comment', type: 'RichText' }),
    field({ key: 'enteredBy', internalName: 'EnteredBy', displayName: 'Entered by', type: 'User' })
  ],
  // A readable label for SharePoint's own views.
  computedTitle: (model) => periodTitle(model.periodId, model.measureId),
  repository: 'period',
  initial: 'measureActuals',
  sample: 'required'
});
