/** @jest-environment jsdom */
/**
 * Change history for auditors: the versions of a risk or benefit, newest first, with who saved
 * each, when (UK date and time) and each changed field as "field: old → new" in display values;
 * and the registers' History action, which reads the history only when it is asked for, for
 * readers who may not edit as well as editors.
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import { historyEntries, richTextAsLine } from '../../src/components/changeHistory';
import { formatDateTime } from '../../src/components/format';
import type { AuditedList, ItemHistoryRepository, StoredVersion } from '../../src/data/itemHistory';
import type { Benefit, Risk, Service } from '../../src/domain/types';
import { riskHistoryFields } from '../../src/webparts/riskRegister/riskHistory';
import { benefitHistoryFields } from '../../src/webparts/benefitsTracker/benefitHistory';
import { RiskRegister } from '../../src/webparts/riskRegister/components/RiskRegister';
import { BenefitsTracker } from '../../src/webparts/benefitsTracker/components/BenefitsTracker';
import { fakeRepositories, FakeRepositories } from '../components/fakeRepositories';

setIconOptions({ disableWarnings: true });

const SERVICES: Service[] = [
  { id: 4, etag: '"1"', name: 'ICT', phase: 'Phase 2', partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'] },
  { id: 5, etag: '"1"', name: 'Legal Services', phase: 'Phase 1', partnerCouncils: ['Chorley Council'] }
];
const CRAIG = { id: 13, displayName: 'Craig Holden', email: 'craig@example.gov.uk' };
const ANNA = { id: 14, displayName: 'Anna Lee', email: 'anna@example.gov.uk' };

const risk: Risk = {
  id: 1,
  etag: '"3"',
  title: 'Delays to ICT system migration',
  serviceId: 4,
  causeEffect: '<p>Supplier &amp; staff</p>',
  owner: CRAIG,
  inherentLikelihood: 4,
  inherentImpact: 4,
  residualLikelihood: 4,
  residualImpact: 3,
  controls: '<ul><li>Monthly board</li></ul>',
  reviewDate: '2027-01-15',
  status: 'Open'
};

const LONG = 'Supplier delays and the loss of two key staff mean the migration plan slips by a quarter or more.';

/** Three versions: created; owner (named by id only), likelihood, controls and review date changed; closed. */
const riskVersions = (): Array<StoredVersion<Risk>> => [
  { label: '1.0', on: '2026-06-30T23:30:00Z', by: 'Craig Holden', item: risk },
  {
    label: '2.0',
    on: '2026-11-02T10:15:00Z',
    by: 'Anna Lee',
    item: { ...risk, causeEffect: `<p>${LONG}</p>`, owner: { id: ANNA.id, displayName: '', email: '' }, residualLikelihood: 2, controls: '<p>Weekly <b>board</b></p>', reviewDate: '2027-04-15' }
  },
  { label: '3.0', on: '2026-11-20T09:00:00Z', by: '', item: { ...risk, causeEffect: `<p>${LONG}</p>`, owner: ANNA, residualLikelihood: 2, controls: '<p>Weekly <b>board</b></p>', reviewDate: '2027-04-15', status: 'Closed' } }
];

describe('historyEntries', () => {
  it('lists versions newest first with each changed field in display values', () => {
    const entries = historyEntries(riskVersions(), riskHistoryFields(SERVICES, [CRAIG, ANNA]));
    expect(entries.map((e) => [e.label, e.kind])).toEqual([
      ['3.0', 'changed'],
      ['2.0', 'changed'],
      ['1.0', 'created']
    ]);
    expect(entries[0].changes).toEqual([{ label: lazyStrings.FieldRiskStatus, before: 'Open', after: 'Closed' }]);
    expect(entries[1].changes).toEqual([
      { label: lazyStrings.FieldOwner, before: 'Craig Holden', after: 'Anna Lee' },
      { label: lazyStrings.FieldCauseEffect, before: 'Supplier & staff', after: LONG },
      { label: lazyStrings.FieldResidualLikelihood, before: '4 Likely', after: '2 Unlikely' },
      { label: lazyStrings.FieldControls, before: 'Monthly board', after: 'Weekly board' },
      { label: lazyStrings.FieldReviewDate, before: '15 January 2027', after: '15 April 2027' }
    ]);
    // The first version lists what it was created with: names, not ids; text, not HTML.
    const created = new Map(entries[2].changes.map((c) => [c.label, c]));
    expect(created.get(lazyStrings.FieldRiskService)).toEqual({ label: lazyStrings.FieldRiskService, after: 'ICT' });
    expect(created.get(lazyStrings.FieldCauseEffect)?.after).toBe('Supplier & staff');
    expect(created.get(lazyStrings.FieldInherentImpact)?.after).toBe('4 Major');
    expect(created.has(lazyStrings.ChangeHistoryPreviousScore)).toBe(false);
  });

  it('calls the oldest version the earliest kept when SharePoint has trimmed older ones', () => {
    const [, ...trimmed] = riskVersions();
    expect(historyEntries(trimmed, riskHistoryFields(SERVICES, [ANNA])).map((e) => e.kind)).toEqual(['changed', 'earliest']);
  });

  it('shows a benefit’s savings in pounds and pence, its service and category by name', () => {
    const b: Benefit = {
      id: 2,
      etag: '"2"',
      title: 'Shared licence',
      serviceId: 4,
      category: 'Financial savings',
      originalPosition: '',
      achievement: '',
      whenDelivered: '2027/28',
      deliveryStatus: 'In progress',
      realised: '',
      savings: [{ council: 'Chorley Council', planned: 4000.5, realised: 0 }]
    };
    const entries = historyEntries(
      [
        { label: '1.0', on: '2026-10-01T09:00:00Z', by: 'Anna Lee', item: b },
        { label: '2.0', on: '2026-11-01T09:00:00Z', by: 'Anna Lee', item: { ...b, serviceId: 5, deliveryStatus: 'Achieved', savings: [{ council: 'Chorley Council', planned: 4000.5, realised: 1200 }] } }
      ],
      benefitHistoryFields(SERVICES)
    );
    expect(entries[0].changes).toEqual([
      { label: lazyStrings.FieldService, before: 'ICT', after: 'Legal Services' },
      { label: lazyStrings.FieldDeliveryStatus, before: 'In progress', after: 'Achieved' },
      { label: lazyStrings.FieldSavingsHeading, before: 'Chorley Council: £4,000.50 planned, £0 realised', after: 'Chorley Council: £4,000.50 planned, £1,200 realised' }
    ]);
  });
});

describe('richTextAsLine', () => {
  it('keeps paragraphs and list items apart, as plain text', () => {
    expect(richTextAsLine('<ul><li>Monthly board</li><li>Risk &amp; issues log</li></ul><p>Reviewed<br>quarterly</p>')).toBe('Monthly board; Risk & issues log; Reviewed; quarterly');
    expect(richTextAsLine(undefined)).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows UK time, summer and winter, and nothing for a missing or bad value', () => {
    expect(formatDateTime('2026-06-30T23:30:00Z')).toBe('1 July 2026 at 00:30');
    expect(formatDateTime('2026-11-02T10:15:00Z')).toBe('2 November 2026 at 10:15');
    expect(formatDateTime(undefined)).toBeUndefined();
    expect(formatDateTime('not a date')).toBeUndefined();
  });
});

/** The history double: the versions of each item, and the calls made. */
function withHistory(repositories: FakeRepositories, versions: Record<string, ReadonlyArray<StoredVersion<Risk | Benefit>>>): Array<[AuditedList, number]> {
  const calls: Array<[AuditedList, number]> = [];
  const history: ItemHistoryRepository = {
    reportHistory: async () => ({ benefits: new Map(), risks: new Map() }),
    itemVersions: (async (list: AuditedList, id: number) => {
      calls.push([list, id]);
      const found = versions[`${list}:${id}`];
      if (!found) throw new Error('No such item');
      return found;
    }) as ItemHistoryRepository['itemVersions']
  };
  repositories.history = history;
  return calls;
}

describe('the History action', () => {
  it('opens a risk’s history for a reader who may not edit, reading it only then', async () => {
    const repositories = fakeRepositories({ services: SERVICES, risks: [risk] });
    repositories.canEdit = async () => false;
    const calls = withHistory(repositories, { 'risks:1': riskVersions() });
    render(
      <AppShell repositories={repositories}>
        <RiskRegister today="2026-12-01" />
      </AppShell>
    );
    const button = await screen.findByRole('button', { name: 'History of Delays to ICT system migration' });
    expect(calls).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Edit Delays to ICT system migration' })).toBeNull();
    fireEvent.click(button);
    const list = await screen.findByRole('list', { name: 'Versions of Delays to ICT system migration' }, { timeout: 5000 });
    expect(calls).toEqual([['risks', 1]]);
    const versions = Array.from(list.querySelectorAll('[data-version]')).map((v) => v.getAttribute('data-version'));
    expect(versions).toEqual(['3.0', '2.0', '1.0']);
    const middle = list.querySelector('[data-version="2.0"]') as HTMLElement;
    expect(within(middle).getByText('2 November 2026 at 10:15, by Anna Lee')).toBeTruthy();
    expect(middle.textContent).toContain(`${lazyStrings.FieldResidualLikelihood}: 4 Likely → 2 Unlikely`);
    expect(middle.textContent).toContain(`${lazyStrings.FieldOwner}: Craig Holden → Anna Lee`);
    // A long change is shown as before and after lines.
    expect(middle.textContent).toContain(`${lazyStrings.FieldCauseEffect}: Before: Supplier & staffAfter: ${LONG}`);
    const newest = list.querySelector('[data-version="3.0"]') as HTMLElement;
    expect(newest.textContent).toContain(lazyStrings.ChangeHistoryUnknownUser);
    fireEvent.click(screen.getAllByRole('button', { name: strings.FormClose })[0]);
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Versions of Delays to ICT system migration' })).toBeNull());
  });

  it('says why a history could not be read and reads it again on "Try again"', async () => {
    const repositories = fakeRepositories({ services: SERVICES, risks: [risk] });
    const calls = withHistory(repositories, {});
    render(
      <AppShell repositories={repositories}>
        <RiskRegister today="2026-12-01" />
      </AppShell>
    );
    fireEvent.click(await screen.findByRole('button', { name: 'History of Delays to ICT system migration' }));
    fireEvent.click(await screen.findByText(strings.TryAgain, undefined, { timeout: 5000 }));
    await waitFor(() => expect(calls).toHaveLength(2));
  });

  it('opens a benefit’s history beside its Edit button', async () => {
    const b: Benefit = {
      id: 7,
      etag: '"1"',
      title: 'Shared licence',
      serviceId: 4,
      category: 'Financial savings',
      originalPosition: '',
      achievement: '',
      whenDelivered: '2027/28',
      deliveryStatus: 'In progress',
      realised: '',
      savings: []
    };
    const repositories = fakeRepositories({ services: SERVICES, benefits: [b] });
    const calls = withHistory(repositories, { 'benefits:7': [{ label: '1.0', on: '2026-10-01T09:00:00Z', by: 'Anna Lee', item: b }] });
    render(
      <AppShell repositories={repositories}>
        <BenefitsTracker />
      </AppShell>
    );
    expect(await screen.findByRole('button', { name: 'Edit Shared licence' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'History of Shared licence' }));
    const list = await screen.findByRole('list', { name: 'Versions of Shared licence' }, { timeout: 5000 });
    expect(calls).toEqual([['benefits', 7]]);
    expect(list.textContent).toContain(formatDateTimeText('2026-10-01T09:00:00Z', 'Anna Lee'));
    expect(list.textContent).toContain(`${lazyStrings.FieldDeliveryStatus}: In progress`);
  });
});

function formatDateTimeText(iso: string, by: string): string {
  return `${formatDateTime(iso, lazyStrings.ChangeHistoryAt)}, by ${by}`;
}
