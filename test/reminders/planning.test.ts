/**
 * Planning: who is reminded about what, and which round a day falls in. Expected dates are
 * worked out by hand from the calendar (Q4 2021/22 updates due 10 March 2022) and the default
 * schedule (first reminder 14 days before, then every 7 days).
 */
import { periodById } from '../../src/domain/calendar';
import { planReminders, reminderKey, reminderPeriod, reminderRound } from '../../src/domain/reminders';
import { manyOfficers, measure, objective, person, risk, service, update } from './support/data';

const Q4 = periodById('2021-22-Q4'); // deadline 2022-03-10

describe('reminderRound', () => {
  it.each([
    ['2022-02-23', undefined, undefined],
    ['2022-02-24', 1, false],
    ['2022-03-02', 1, false],
    ['2022-03-03', 2, false],
    ['2022-03-09', 2, false],
    ['2022-03-10', 3, false],
    ['2022-03-16', 3, false],
    ['2022-03-17', 4, true],
    ['2022-03-24', 5, true]
  ])('on %s gives round %s (escalation %s)', (today, round, escalation) => {
    const r = reminderRound(today, Q4);
    expect(r?.round).toBe(round);
    expect(r?.escalation).toBe(escalation);
  });

  it('numbers rounds from the configured schedule and returns the same round all day long', () => {
    // N = 10, M = 3: rounds start 28 Feb, 3 Mar, 6 Mar, 9 Mar, 12 Mar (after the deadline).
    const config = { firstReminderDaysBefore: 10, repeatEveryDays: 3 };
    expect(reminderRound('2022-02-27', Q4, config)).toBeUndefined();
    expect(reminderRound('2022-02-28', Q4, config)).toEqual({ round: 1, startsOn: '2022-02-28', escalation: false });
    expect(reminderRound('2022-03-11', Q4, config)).toEqual({ round: 4, startsOn: '2022-03-09', escalation: false });
    expect(reminderRound('2022-03-12', Q4, config)).toEqual({ round: 5, startsOn: '2022-03-12', escalation: true });
    expect(reminderRound('2022-03-12', Q4, config)).toEqual(reminderRound('2022-03-12', Q4, config));
  });

  it('rejects an impossible schedule', () => {
    expect(() => reminderRound('2022-03-01', Q4, { repeatEveryDays: 0 })).toThrow(/Days between reminders/);
    expect(() => reminderRound('2022-03-01', Q4, { firstReminderDaysBefore: -1 })).toThrow(/first reminder/);
  });
});

describe('reminderPeriod', () => {
  it('keeps escalating the previous period until the next period’s first reminder day', () => {
    // Q3 2021/22 (Oct-Dec) was due 10 December 2021; Q4's reminders start 24 February 2022.
    expect(reminderPeriod('2022-02-23').id).toBe('2021-22-Q3');
    expect(reminderPeriod('2022-02-24').id).toBe('2021-22-Q4');
  });

  it('crosses the financial year boundary (31 March / 1 April)', () => {
    // Q1 2022/23 is due 10 June 2022, so its reminders start 27 May.
    expect(reminderPeriod('2022-03-31').id).toBe('2021-22-Q4');
    expect(reminderPeriod('2022-04-01').id).toBe('2021-22-Q4');
    expect(reminderPeriod('2022-05-26').id).toBe('2021-22-Q4');
    expect(reminderPeriod('2022-05-27').id).toBe('2022-23-Q1');
  });
});

describe('planReminders', () => {
  const alice = person(1, 'Alice Smith', 'Alice.Smith@Example.gov.uk');
  const bob = person(2, 'Bob Jones', 'bob@example.gov.uk');
  const lead = person(3, 'Lena Lead', 'lena@example.gov.uk');
  const base = { period: Q4, services: [service(1, lead, 'ICT')], objectives: [], updates: [], risks: [], measures: [] };

  it('sends nothing before the first reminder day', () => {
    const plan = planReminders({ ...base, today: '2022-02-23', objectives: [objective(1, alice)] });
    expect(plan.round).toBeUndefined();
    expect(plan.officers).toEqual([]);
  });

  it('lists only open objectives without an update for the period', () => {
    const plan = planReminders({
      ...base,
      today: '2022-02-24',
      objectives: [
        objective(1, alice),
        objective(2, alice, { status: 'Complete' }),
        objective(3, alice, { status: 'On hold' }),
        objective(4, alice), // updated for Q4: done
        objective(5, alice), // updated only for Q3: still due
        objective(6, alice, { status: 'Not started' }),
        objective(7, alice) // updated for Q4 with the short id form
      ],
      updates: [update(1, 4, '2021-22-Q4'), update(2, 5, '2021-22-Q3'), update(3, 7, '2021-Q4')]
    });
    expect(plan.officers).toHaveLength(1);
    expect(plan.officers[0].objectives.map((o) => o.id)).toEqual([1, 5, 6]);
  });

  it('groups by email case-insensitively and leaves out officers with nothing due', () => {
    const aliceAgain = { ...alice, id: 99, email: ' alice.smith@example.gov.uk ' };
    const plan = planReminders({
      ...base,
      today: '2022-03-01',
      objectives: [objective(1, alice), objective(2, aliceAgain), objective(3, bob, { status: 'Complete' })]
    });
    expect(plan.officers.map((o) => o.email)).toEqual(['alice.smith@example.gov.uk']);
    expect(plan.officers[0].objectives.map((o) => o.id)).toEqual([1, 2]);
  });

  it('includes open risks whose review date is on or before the deadline', () => {
    const plan = planReminders({
      ...base,
      today: '2022-03-01',
      risks: [
        risk(1, bob, { reviewDate: '2022-03-10' }),
        risk(2, bob, { reviewDate: '2022-03-11' }),
        risk(3, bob, { reviewDate: '2021-12-01' }),
        risk(4, bob, { reviewDate: '2022-01-01', status: 'Closed' }),
        risk(5, bob)
      ]
    });
    expect(plan.officers[0].email).toBe('bob@example.gov.uk');
    expect(plan.officers[0].risks.map((r) => r.id)).toEqual([1, 3]);
  });

  it('reminds service leads about measures lacking an actual for the period', () => {
    const plan = planReminders({
      ...base,
      today: '2022-03-01',
      measures: [measure(1, 1, { '2021-22-Q4': 95 }), measure(2, 1, { '2021-22-Q3': 80 }), measure(3, 1, { '2021-Q4': 70 })]
    });
    expect(plan.officers).toHaveLength(1);
    expect(plan.officers[0].email).toBe('lena@example.gov.uk');
    expect(plan.officers[0].measures.map((m) => m.id)).toEqual([2]);
  });

  it('copies the service lead in only on escalation rounds, and never the lead to themself', () => {
    const input = { ...base, objectives: [objective(1, alice)], measures: [measure(1, 1)] };
    const before = planReminders({ ...input, today: '2022-03-10' });
    expect(before.round?.escalation).toBe(false);
    expect(before.officers.every((o) => o.cc.length === 0)).toBe(true);
    const after = planReminders({ ...input, today: '2022-03-17' });
    expect(after.round?.escalation).toBe(true);
    const byEmail = new Map(after.officers.map((o) => [o.email, o]));
    expect(byEmail.get('alice.smith@example.gov.uk')?.cc).toEqual(['lena@example.gov.uk']);
    expect(byEmail.get('lena@example.gov.uk')?.cc).toEqual([]);
  });

  it('surfaces due items nobody can be reminded about instead of dropping them', () => {
    const plan = planReminders({
      ...base,
      today: '2022-03-01',
      services: [service(1, undefined)],
      objectives: [objective(1, undefined), objective(2, { id: 5, displayName: 'No Mail', email: '' })],
      measures: [measure(3, 1)]
    });
    expect(plan.officers).toEqual([]);
    expect(plan.unassigned).toEqual([
      { kind: 'objective', id: 1, title: 'Objective 1', reason: 'noOfficer' },
      { kind: 'objective', id: 2, title: 'Objective 2', reason: 'noEmail' },
      { kind: 'measure', id: 3, title: 'Measure 3', reason: 'noOfficer' }
    ]);
  });

  it('plans 1,000 officers, one entry each', () => {
    const { services, objectives } = manyOfficers(1000);
    const plan = planReminders({ ...base, services, objectives, today: '2022-03-01' });
    expect(plan.officers).toHaveLength(1000);
    expect(new Set(plan.officers.map((o) => o.email)).size).toBe(1000);
  });

  it('builds the log key from email, period and round', () => {
    expect(reminderKey(' Alice@Example.gov.uk', '2021-22-Q4', 2)).toBe('alice@example.gov.uk|2021-22-Q4|2');
  });
});
