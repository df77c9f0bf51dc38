/** The joint committee's forward plan: each meeting and the reports it receives. */
import type { CommitteeMeeting } from '../../domain/types';
import { declareList, field } from './declare';

/** The committeeMeetings list. */
export const committeeMeetingsList = declareList<CommitteeMeeting>()({
  key: 'committeeMeetings',
  titleKey: 'title',
  title: 'SSM Committee Meetings',
  url: 'Lists/SSMCommitteeMeetings',
  description: 'Forward plan of the joint committee: meeting dates and the reports each receives.',
  majorVersionLimit: 500,
  titleDisplayName: 'Meeting',
  fields: [
    field({ key: 'meetingDate', internalName: 'MeetingDate', displayName: 'Meeting date', type: 'DateOnly', required: true, indexed: true }),
    field({
      key: 'reports',
      internalName: 'ReportsReceived',
      displayName: 'Reports received',
      type: 'Json',
      jsonShape: 'array',
      required: true,
      description: 'General update, quarterly performance report or annual review.'
    })
  ],
  repository: 'list',
  initial: 'meetings',
  sample: 'required'
});
