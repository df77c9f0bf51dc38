/** Published committee reports, never edited: publishing again adds a version. */
import type { ReportSnapshot } from '../../domain/types';
import { declareList, field } from './declare';

/** The snapshots list. */
export const snapshotsList = declareList<ReportSnapshot>()({
  key: 'snapshots',
  titleKey: 'title',
  title: 'SSM Report Snapshots',
  url: 'Lists/SSMReportSnapshots',
  description: 'Published committee reports, as they were shown. Never edited: republishing adds a new version.',
  majorVersionLimit: 100,
  titleDisplayName: 'Report',
  fields: [
    field({ key: 'periodId', internalName: 'Period', displayName: 'Reporting period', type: 'Text', required: true, indexed: true, maxLength: 20 }),
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', indexed: true }),
    field({ key: 'version', internalName: 'SnapshotVersion', displayName: 'Version', type: 'Integer', required: true, min: 1 }),
    field({ key: 'publishedBy', internalName: 'PublishedBy', displayName: 'Published by', type: 'User', required: true }),
    field({ key: 'publishedOn', internalName: 'PublishedOn', displayName: 'Published on', type: 'DateTime', required: true }),
    field({
      key: 'model',
      internalName: 'ReportModel',
      displayName: 'Report',
      type: 'Json',
      jsonShape: 'object',
      required: true,
      description: 'The report as published; written by the product only.'
    }),
    field({
      key: 'contentHash',
      internalName: 'ContentHash',
      displayName: 'Fingerprint',
      type: 'Text',
      maxLength: 80,
      description: 'SHA-256 of the report as published, checked on every read; written by the product only.'
    }),
    // Members hold "SSM Add only" on the papers library and may not write a file's columns
    // (an edit), so the paper's name and fingerprint are also kept here, written when the
    // snapshot is added: a paper stored without its columns is still found and checked.
    field({
      key: 'paperFileName',
      internalName: 'PaperFileName',
      displayName: 'Word paper',
      type: 'Text',
      maxLength: 255,
      description: 'File name of the Word paper in Committee papers; written by the product only.'
    }),
    field({
      key: 'paperHash',
      internalName: 'PaperHash',
      displayName: 'Word paper fingerprint',
      type: 'Text',
      maxLength: 80,
      description: 'SHA-256 of the Word paper as stored; written by the product only.'
    })
  ],
  permissions: 'addOnly',
  repository: 'snapshots',
  sample: 'none'
});
