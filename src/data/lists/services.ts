/** The shared services and the partner councils that share each one. */
import { SERVICE_PHASES } from '../../domain/vocabularies';
import type { Service } from '../../domain/types';
import { declareList, field } from './declare';

/** The services list. */
export const servicesList = declareList<Service>()({
  key: 'services',
  titleKey: 'name',
  title: 'SSM Services',
  url: 'Lists/SSMServices',
  description: 'Shared services and the partner councils that share them.',
  majorVersionLimit: 500,
  titleDisplayName: 'Service',
  fields: [
    field({ key: 'serviceLead', internalName: 'ServiceLead', displayName: 'Service lead', type: 'User' }),
    field({ key: 'phase', internalName: 'Phase', displayName: 'Phase', type: 'Choice', choices: SERVICE_PHASES, required: true }),
    field({
      key: 'partnerCouncils',
      internalName: 'PartnerCouncils',
      displayName: 'Partner councils',
      type: 'Json',
      jsonShape: 'array',
      jsonEntry: 'string',
      required: true,
      description: 'The councils sharing this service.'
    }),
    field({ key: 'sharedSince', internalName: 'SharedSince', displayName: 'Shared since', type: 'DateOnly' })
  ],
  // Members read; owners (the programme's editors) edit: the web parts take edit rights here as being an editor.
  permissions: 'editorsOnly',
  repository: 'list',
  initial: 'services',
  sample: 'required'
});
