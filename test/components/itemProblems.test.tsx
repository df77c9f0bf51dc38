/** @jest-environment jsdom */
/**
 * A service whose Partner councils column held invalid JSON used to stop all four web parts.
 * Read now with the problem named on the item (test/data/badItems.contract.test.ts), each web
 * part shows everything else and names the item and the column.
 */
import * as React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import type { Benefit, Objective, Risk, Service } from '../../src/domain/types';
import { ObjectivesTracker } from '../../src/webparts/objectivesTracker/components/ObjectivesTracker';
import { BenefitsTracker } from '../../src/webparts/benefitsTracker/components/BenefitsTracker';
import { RiskRegister } from '../../src/webparts/riskRegister/components/RiskRegister';
import { HighlightReport } from '../../src/webparts/highlightReport/components/HighlightReport';
import { FakeSeed, fakeRepositories } from './fakeRepositories';

setIconOptions({ disableWarnings: true });

const broken: Service = {
  id: 1,
  etag: '"1"',
  name: 'Transformation and Partnerships',
  phase: 'Phase 1',
  partnerCouncils: [],
  problems: [{ field: 'Partner councils', code: 'invalidJson', detail: 'Unterminated string in JSON at position 30' }]
};
const good: Service = { id: 2, etag: '"1"', name: 'Governance', phase: 'Phase 1', partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'] };
const objective: Objective = { id: 10, etag: '"1"', title: 'Align the constitutions of both councils', aim: '<p>Aim</p>', serviceId: 2, status: 'In progress', rag: 'Amber' };
const benefit: Benefit = {
  id: 1,
  etag: '"1"',
  title: 'Shared corporate support',
  serviceId: 2,
  category: 'Financial savings',
  originalPosition: '',
  achievement: '',
  whenDelivered: 'Already achieved',
  deliveryStatus: 'Achieved',
  realised: '',
  savings: []
};
const risk: Risk = {
  id: 1,
  etag: '"1"',
  title: 'Loss of key staff',
  serviceId: 2,
  causeEffect: '',
  inherentLikelihood: 3,
  inherentImpact: 3,
  residualLikelihood: 2,
  residualImpact: 2,
  controls: '',
  status: 'Open'
};
const SEED: FakeSeed = { services: [broken, good], objectives: [objective], benefits: [benefit], risks: [risk] };

const expected = strings.ItemProblemInvalidJson.replace('{0}', strings.ItemKindService)
  .replace('{1}', broken.name)
  .replace('{2}', 'Partner councils')
  .replace('{3}', 'Unterminated string in JSON at position 30');

describe('a benefit whose savings could not be read', () => {
  it('is named on its own row, with the column', async () => {
    const bad: Benefit = { ...benefit, id: 2, title: 'Shared payroll', problems: [{ field: 'Savings by council (£)', code: 'badEntries', detail: '2' }] };
    render(<AppShell repositories={fakeRepositories({ ...SEED, services: [good], benefits: [benefit, bad] })}>{<BenefitsTracker />}</AppShell>);
    const note = await screen.findByTestId('row-problems');
    expect(note.textContent).toBe(strings.ItemProblemRow.replace('{0}', 'Savings by council (£)'));
    expect(note.closest('[role="row"]')?.textContent).toContain('Shared payroll');
    expect(screen.getAllByTestId('row-problems')).toHaveLength(1);
  });
});

describe.each([
  ['objectives tracker', <ObjectivesTracker key="o" serviceFilter="" columns={{ status: true, rag: true, officer: true, targetDate: true }} />, objective.title],
  ['benefits tracker', <BenefitsTracker key="b" />, benefit.title],
  ['risk register', <RiskRegister key="r" />, risk.title],
  ['highlight report', <HighlightReport key="h" />, 'Governance']
])('%s with one unreadable service', (_name, element, shown) => {
  it('renders the rest and names the item and the column', async () => {
    render(<AppShell repositories={fakeRepositories(SEED)}>{element}</AppShell>);
    const warning = await screen.findByTestId('item-problems');
    // Fluent's MessageBar renders its text a moment later, for screen readers to announce it.
    await waitFor(() => expect(warning.textContent).toContain(expected));
    expect(screen.getAllByText(shown).length).toBeGreaterThan(0);
  });
});
