/** The committee paper's settings: one item the clerk edits (committee, councils, author, standard paragraphs). */
import type { ReportSettingsItem } from '../../domain/types';
import { declareList, field } from './declare';

/** The reportSettings list. */
export const reportSettingsList = declareList<ReportSettingsItem>()({
  key: 'reportSettings',
  titleKey: 'title',
  title: 'SSM Report Settings',
  url: 'Lists/SSMReportSettings',
  description: 'Committee paper settings: committee, councils, author and contact, and the standard paragraphs of every paper.',
  majorVersionLimit: 100,
  titleDisplayName: 'Settings name',
  fields: [
    field({ key: 'committeeName', internalName: 'CommitteeName', displayName: 'Committee', type: 'Text', maxLength: 255 }),
    field({ key: 'councils', internalName: 'Councils', displayName: 'Councils in order (one a line)', type: 'Note' }),
    field({ key: 'author', internalName: 'ReportAuthor', displayName: 'Report of', type: 'Text', maxLength: 255 }),
    field({ key: 'contact', internalName: 'ReportContact', displayName: 'Contact', type: 'Text', maxLength: 255 }),
    field({ key: 'background', internalName: 'BackgroundText', displayName: 'Background to the report', type: 'RichText' }),
    field({ key: 'climateChange', internalName: 'ClimateChangeText', displayName: 'Climate change and air quality', type: 'RichText' }),
    field({ key: 'risk', internalName: 'RiskText', displayName: 'Risk', type: 'RichText' }),
    field({ key: 'financeOfficerComments', internalName: 'FinanceOfficerComments', displayName: 'Comments of the Statutory Finance Officer', type: 'RichText' }),
    field({ key: 'monitoringOfficerComments', internalName: 'MonitoringOfficerComments', displayName: 'Comments of the Monitoring Officer', type: 'RichText' })
  ],
  repository: 'list',
  sample: 'optional'
});
