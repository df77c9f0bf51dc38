/**
 * The committee paper settings of the sample site, in the words of the councils' February 2022
 * monitoring report (its standard paragraphs on climate change, risk and the statutory officers).
 */
import type { ReportSettingsItem } from '../../src/domain/types';
import { p } from './html';

/** One settings item, as a clerk would fill it in. */
export const reportSettings: ReportSettingsItem[] = [
  {
    id: 1,
    etag: '',
    title: 'Committee paper settings',
    committeeName: 'Shared Services Joint Committee',
    councils: 'Chorley Council\nSouth Ribble Borough Council',
    author: 'Director of Change and Delivery',
    contact: 'Performance and Partnerships Team',
    background:
      p(
        'Chorley and South Ribble Councils agreed the phase 1 extension of shared services arrangements in September 2019 to include Transformation and Partnerships, Communications and Visitor Economy, and Governance services.'
      ) +
      p(
        'The monitoring framework sets what each meeting of the Committee receives: a highlight report at every meeting, a quarterly performance report in June, September and December, and an annual review in March.'
      ),
    climateChange: p(
      'The work noted in this report does not impact the climate change and sustainability targets of the Councils\u2019 Green Agenda and all environmental considerations are in place.'
    ),
    risk: p('Risk for shared services is considered within the report and its appendices.'),
    financeOfficerComments: p('Details of savings approved to date and current shared service budgets are included within the report.'),
    monitoringOfficerComments: p('There are no issues to raise from a Monitoring Officer perspective.'),
    created: '2021-04-01T09:00:00Z',
    modified: '2021-04-01T09:00:00Z'
  }
];
