/** The general update of each service for each joint committee meeting. */
import type { Highlight } from '../../domain/types';
import { declareList, field } from './declare';
import { periodTitle } from './periodTitle';

/** The highlights list. */
export const highlightsList = declareList<Highlight>()({
  key: 'highlights',
  title: 'SSM Highlights',
  url: 'Lists/SSMHighlights',
  description: 'General update for each service at each joint committee meeting.',
  majorVersionLimit: 500,
  titleDisplayName: 'Title',
  fields: [
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', required: true, indexed: true }),
    field({ key: 'meetingDate', internalName: 'MeetingDate', displayName: 'Meeting date', type: 'DateOnly', required: true, indexed: true }),
    field({ key: 'periodId', internalName: 'Period', displayName: 'Reporting period', type: 'Text', required: true, indexed: true, maxLength: 20 }),
    field({ key: 'keyPoints', internalName: 'KeyPoints', displayName: 'Key points of action', type: 'RichText' }),
    field({ key: 'activityOverview', internalName: 'ActivityOverview', displayName: 'Overview of activity', type: 'RichText' })
  ],
  // Not shown by the product; a readable label for SharePoint's own views.
  computedTitle: (model) => periodTitle(model.periodId, model.serviceId),
  repository: 'list',
  initial: 'highlights',
  sample: 'required'
});
