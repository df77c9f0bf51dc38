/** @jest-environment jsdom */
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { ClockProvider, clockOnDay, systemClock, useToday } from '../../src/components/clock';
import { isoDateOf } from '../../src/domain/calendar';

function Today(props: { pinned?: string }): JSX.Element {
  return <span data-testid="today">{useToday(props.pinned)}</span>;
}

describe('the web parts\' clock', () => {
  it('is the browser\'s unless a clock is handed in', () => {
    render(<Today />);
    expect(screen.getByTestId('today').textContent).toBe(isoDateOf(new Date()));
  });

  it('reads today from the clock the workbench hands in (?today=)', () => {
    render(
      <ClockProvider clock={clockOnDay('2027-03-11')}>
        <Today />
      </ClockProvider>
    );
    expect(screen.getByTestId('today').textContent).toBe('2027-03-11');
  });

  it('lets a component\'s pinned day win, as tests pin it', () => {
    render(
      <ClockProvider clock={clockOnDay('2027-03-11')}>
        <Today pinned="2022-02-24" />
      </ClockProvider>
    );
    expect(screen.getByTestId('today').textContent).toBe('2022-02-24');
  });

  it('keeps the real time of day on a moved day', () => {
    const before = systemClock.now();
    const moved = clockOnDay('2027-03-11').now();
    expect(isoDateOf(moved)).toBe('2027-03-11');
    expect(Math.abs(moved.getHours() * 60 + moved.getMinutes() - (before.getHours() * 60 + before.getMinutes()))).toBeLessThanOrEqual(1);
  });
});
