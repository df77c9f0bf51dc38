/**
 * The "Committee papers" document library: the Word file of every published report version, as
 * the committee received it, and the data of reports too large for a snapshot's column. Auditors
 * open the files here; members may add files but never change or delete one (add-only).
 */
import type { CommitteePaper } from '../../domain/types';
import { REPORT_KINDS } from '../../domain/report/model';
import { PAPER_CONTENTS } from '../../domain/vocabularies';
import { BUILT_IN } from './builtIn';
import { declareList, field } from './declare';

/** The committeePapers library. */
export const committeePapersList = declareList<CommitteePaper>()({
  key: 'committeePapers',
  title: 'Committee papers',
  url: 'SSMCommitteePapers',
  description: 'The Word paper of every published report version, exactly as the committee received it. Never edited: each version is a file of its own.',
  majorVersionLimit: 100,
  titleDisplayName: 'Title',
  // The report's title, for auditors' views. No column is required: a file is uploaded before its
  // metadata is written, and a library holds back (checks out) files whose required columns are empty.
  computedTitle: (m) => (typeof m.reportTitle === 'string' ? m.reportTitle : undefined),
  fields: [
    field({ key: 'content', internalName: 'PaperContent', displayName: 'Content', type: 'Choice', choices: PAPER_CONTENTS }),
    field({ key: 'reportKind', internalName: 'ReportKind', displayName: 'Report kind', type: 'Choice', choices: REPORT_KINDS }),
    field({ key: 'periodId', internalName: 'Period', displayName: 'Reporting period', type: 'Text', indexed: true, maxLength: 20 }),
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', indexed: true }),
    field({ key: 'meetingDate', internalName: 'MeetingDate', displayName: 'Committee meeting', type: 'DateOnly' }),
    field({ key: 'version', internalName: 'PaperVersion', displayName: 'Version', type: 'Integer', min: 1 }),
    field({ key: 'snapshotId', internalName: 'SnapshotId', displayName: 'Snapshot', type: 'Integer', indexed: true, min: 1, description: 'Id of the published report in SSM Report Snapshots.' }),
    field({ key: 'fileHash', internalName: 'FileHash', displayName: 'Fingerprint', type: 'Text', maxLength: 80, description: 'SHA-256 of the file as stored; written by the product only.' })
  ],
  views: (fieldOf) => [
    {
      // What auditors open first: the papers as sent, newest period first, without the report data files.
      title: 'Papers as sent',
      fields: [BUILT_IN.docIcon, BUILT_IN.linkFilename, BUILT_IN.title, fieldOf('reportKind'), fieldOf('periodId'), fieldOf('serviceId'), fieldOf('meetingDate'), fieldOf('version'), BUILT_IN.created, BUILT_IN.author],
      query:
        `<Where><Eq><FieldRef Name="${fieldOf('content')}" /><Value Type="Choice">Word paper</Value></Eq></Where>` +
        `<OrderBy><FieldRef Name="${fieldOf('periodId')}" Ascending="FALSE" /><FieldRef Name="${fieldOf('version')}" Ascending="FALSE" /></OrderBy>`,
      rowLimit: 100
    }
  ],
  permissions: 'addOnly',
  template: 'library',
  repository: 'papers',
  sample: 'none'
});
