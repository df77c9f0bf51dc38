/** Service business plan measures with quarterly actuals. */
import { MEASURE_DIRECTIONS, MEASURE_FREQUENCIES } from '../../domain/vocabularies';
import type { Measure } from '../../domain/types';
import { declareList, field } from './declare';

/** The measures list. */
export const measuresList = declareList<Measure>()({
  key: 'measures',
  titleKey: 'title',
  title: 'SSM Measures',
  url: 'Lists/SSMMeasures',
  description: 'Service business plan measures with quarterly actuals.',
  majorVersionLimit: 500,
  titleDisplayName: 'Measure',
  fields: [
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', required: true, indexed: true }),
    field({ key: 'unit', internalName: 'Unit', displayName: 'Unit', type: 'Text', maxLength: 20 }),
    field({ key: 'target', internalName: 'Target', displayName: 'Target', type: 'Number', required: true }),
    field({ key: 'direction', internalName: 'Direction', displayName: 'Direction', type: 'Choice', choices: MEASURE_DIRECTIONS, required: true }),
    field({ key: 'frequency', internalName: 'ReportingFrequency', displayName: 'Reporting frequency', type: 'Choice', choices: MEASURE_FREQUENCIES }),
    field({ key: 'responsibleOfficer', internalName: 'ResponsibleOfficer', displayName: 'Responsible officer', type: 'User', indexed: true }),
    field({ key: 'actuals', internalName: 'Actuals', displayName: 'Quarterly actuals', type: 'Json', jsonShape: 'object', jsonEntry: 'number' })
  ],
  // Members read; owners (the programme's editors) edit: the web parts take edit rights here as being an editor.
  permissions: 'editorsOnly',
  repository: 'list',
  initial: 'measures',
  sample: 'required'
});
