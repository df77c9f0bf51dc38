/** @jest-environment jsdom */
/**
 * Bad input in the benefit and risk forms: a title of zero-width characters is refused with a
 * message naming the field; savings are money within £0–£1,000,000,000 in whole pence, so an
 * amount past 2^53 is refused rather than rounded; a title another item already has is warned
 * about in the form (not refused).
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import { DuplicateTitle } from '../../src/components/DuplicateTitle';
import { isInvisibleOnly, MAX_AMOUNT_POUNDS, sameTitleAs, validateBenefit, validateRisk } from '../../src/domain/validation';
import type { Benefit, Service } from '../../src/domain/types';
import { BenefitsTracker } from '../../src/webparts/benefitsTracker/components/BenefitsTracker';
import { convertBenefit } from '../../src/webparts/benefitsTracker/benefitForm';
import { fakeRepositories } from '../components/fakeRepositories';

setIconOptions({ disableWarnings: true });

const CHORLEY = 'Chorley Council';
const SERVICES: Service[] = [{ id: 3, etag: '"1"', name: 'Governance', phase: 'Phase 1', partnerCouncils: [CHORLEY, 'South Ribble Borough Council'] }];
const EXISTING: Benefit = {
  id: 1,
  etag: '"1"',
  title: 'Shared legal team',
  serviceId: 3,
  category: 'Financial savings',
  originalPosition: '',
  achievement: '',
  whenDelivered: '',
  deliveryStatus: 'Achieved',
  realised: '',
  savings: []
};

const ZERO_WIDTH = '\u200b\u200c\u200d\u2060\ufeff';

describe('invisible-only text', () => {
  it('is recognised, and visible text around invisible characters is not', () => {
    expect(isInvisibleOnly(ZERO_WIDTH)).toBe(true);
    expect(isInvisibleOnly('\u00ad\u200e\u200f')).toBe(true);
    expect(isInvisibleOnly(`${ZERO_WIDTH}Payroll`)).toBe(false);
    expect(isInvisibleOnly('')).toBe(false);
  });

  it('is refused in a benefit or risk title with a message naming the field', () => {
    const benefit = validateBenefit({ ...EXISTING, title: ZERO_WIDTH });
    expect(benefit.map((e) => e.message)).toContain('Benefit holds only invisible characters (such as zero-width spaces): enter visible text.');
    const risk = validateRisk({ title: ZERO_WIDTH, owner: { id: 1, displayName: 'A', email: 'a@x' }, inherentLikelihood: 1, inherentImpact: 1, residualLikelihood: 1, residualImpact: 1, status: 'Open' });
    expect(risk.find((e) => e.field === 'title')?.code).toBe('invisibleOnly');
  });
});

describe('money', () => {
  const savings = (planned: number): ReturnType<typeof validateBenefit> => validateBenefit({ ...EXISTING, savings: [{ council: CHORLEY, planned, realised: 0 }] }, { service: SERVICES[0] });

  it('accepts pounds and pence up to £1,000,000,000', () => {
    expect(savings(17000.5)).toEqual([]);
    expect(savings(MAX_AMOUNT_POUNDS)).toEqual([]);
    expect(savings(0.29)).toEqual([]);
  });

  it('refuses more than the range and fractions of a penny, naming the council', () => {
    expect(savings(2 ** 53 + 2).map((e) => e.message)).toEqual(['Planned savings for Chorley Council must be no more than £1,000,000,000.']);
    expect(savings(MAX_AMOUNT_POUNDS + 0.01)[0].code).toBe('amountTooLarge');
    expect(savings(10.005).map((e) => e.message)).toEqual(['Planned savings for Chorley Council must be in pounds and pence, with no more than two decimal places.']);
  });

  it('is stored exactly in pence from what was typed', () => {
    const values = {
      title: 'Payroll',
      serviceId: 3,
      category: 'Financial savings' as const,
      deliveryStatus: 'Achieved' as const,
      whenDelivered: '',
      originalPosition: '',
      achievement: '',
      realised: '',
      savings: [{ council: CHORLEY, planned: '£1,234,567.89', realised: '9007199254740993' }],
      fteBefore: '',
      fteAfter: '',
      evidenceUrl: ''
    };
    const { model, errors } = convertBenefit(values, SERVICES);
    expect(Math.round(model.savings[0].planned * 100)).toBe(123456789);
    expect(model.savings[0].planned).toBe(1234567.89);
    // An amount that no longer holds every penny is refused, never silently rounded.
    expect(errors.map((e) => e.code)).toEqual(['amountTooLarge']);
  });
});

describe('duplicate titles', () => {
  it('match whatever the case, spacing and invisible characters', () => {
    expect(sameTitleAs(' shared\u200b  LEGAL team ', [EXISTING])?.id).toBe(1);
    expect(sameTitleAs('Shared legal team', [EXISTING], 1)).toBeUndefined();
    expect(sameTitleAs('Shared legal', [EXISTING])).toBeUndefined();
  });

  it('are warned about under the title, and not for the item itself', async () => {
    const { rerender } = render(<DuplicateTitle title="Shared legal team" items={[EXISTING]} template={lazyStrings.BenefitDuplicateTitle} />);
    // Fluent's MessageBar renders its text a moment later, for screen readers to announce it.
    await waitFor(() => expect(screen.getByTestId('duplicate-title').textContent).toBe(lazyStrings.BenefitDuplicateTitle.replace('{0}', 'Shared legal team')));
    rerender(<DuplicateTitle title="Shared legal team" items={[EXISTING]} ownId={1} template={lazyStrings.BenefitDuplicateTitle} />);
    expect(screen.queryByTestId('duplicate-title')).toBeNull();
  });

  it('in the benefit form: typing a taken title shows the warning; zero-width text is refused by name', async () => {
    const repositories = fakeRepositories({ services: SERVICES, benefits: [EXISTING] });
    const add = jest.spyOn(repositories.benefits, 'add');
    render(
      <AppShell repositories={repositories}>
        <BenefitsTracker />
      </AppShell>
    );
    fireEvent.click((await screen.findByText(strings.NewBenefit)).closest('button') as HTMLElement);
    const panel = (await screen.findByText(lazyStrings.FormSave)).closest('.ms-Panel-main') as HTMLElement;
    const title = within(panel).getByLabelText(lazyStrings.FieldBenefit) as HTMLInputElement;
    fireEvent.change(title, { target: { value: 'shared legal TEAM' } });
    await waitFor(() => expect(within(panel).getByTestId('duplicate-title').textContent).toContain('Shared legal team'));

    fireEvent.change(title, { target: { value: ZERO_WIDTH } });
    expect(within(panel).queryByTestId('duplicate-title')).toBeNull();
    fireEvent.click(within(panel).getByText(lazyStrings.FormSave).closest('button') as HTMLElement);
    expect((await within(panel).findAllByText('Benefit holds only invisible characters (such as zero-width spaces): enter visible text.')).length).toBeGreaterThan(0);
    expect(add).not.toHaveBeenCalled();
  });
});
