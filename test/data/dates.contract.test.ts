/**
 * Date-only columns over real HTTP. The local host keeps them as SharePoint does: midnight in the
 * site's time zone (Europe/London), returned in UTC, so a date in British Summer Time comes back
 * as 23:00 the evening before. Whatever the site's zone, the repositories must read the date the
 * user chose; against a real site (docs/testing-on-a-tenant.md) the stored instant depends on that
 * site's regional settings, so only the read-back is checked there.
 */
import { dateOfDateOnly, toItem } from '../../src/data/mapping';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { fieldDef, restName, SCHEMA } from '../../src/data/schema';
import type { Repositories } from '../../src/data/repositories';
import { ContractTarget, openTarget } from './support/target';

let target: ContractTarget;
let repos: Repositories;
const targetDate = restName(fieldDef('objectives', 'targetDate'));

beforeAll(async () => {
  target = await openTarget({ seed: true });
  repos = createPnpRepositories(target.sp());
});

afterAll(async () => {
  await target?.close();
});

const objective = (date: string) => ({
  title: `Objective due ${date}`,
  aim: '<p>Aim</p>',
  serviceId: 1,
  status: 'Not started' as const,
  rag: 'Green' as const,
  responsibleOfficer: target.people.editor,
  targetDate: date
});

async function storedValue(id: number): Promise<string> {
  const raw = (await target.sp().web.lists.getByTitle(SCHEMA.objectives.title).items.getById(id).select(targetDate)()) as Record<string, string>;
  return raw[targetDate];
}

describe('date-only columns', () => {
  it.each([
    ['in British Summer Time', '2022-06-15', '2022-06-14T23:00:00Z'],
    ['in Greenwich Mean Time', '2022-01-15', '2022-01-15T00:00:00Z'],
    ['on the day the clocks go forward', '2022-03-27', '2022-03-27T00:00:00Z'],
    ['on the day the clocks go back', '2022-10-30', '2022-10-29T23:00:00Z']
  ])('read back the date chosen %s', async (_when, date, stored) => {
    const added = await repos.objectives.add(objective(date));
    // The stored instant is the host's (Europe/London); a real site keeps its own zone's midnight.
    if (target.host) expect(await storedValue(added.id)).toBe(stored);
    expect(dateOfDateOnly(await storedValue(added.id))).toBe(date);
    expect(added.targetDate).toBe(date);
    expect((await repos.objectives.getById(added.id))?.targetDate).toBe(date);
    const all = await repos.loadInitial(['objectives']);
    expect(all.objectives.find((o) => o.id === added.id)?.targetDate).toBe(date);
  });

  it('write the date at noon UTC, which no time zone within 12 hours moves to another day', () => {
    expect(toItem('objectives', { targetDate: '2022-06-15' })[targetDate]).toBe('2022-06-15T12:00:00Z');
  });

  it('read the date of an instant whichever midnight SharePoint kept, and a plain date as it is', () => {
    expect(dateOfDateOnly('2022-06-14T23:00:00Z')).toBe('2022-06-15');
    expect(dateOfDateOnly('2022-06-15T00:00:00Z')).toBe('2022-06-15');
    expect(dateOfDateOnly('2022-06-15T12:00:00Z')).toBe('2022-06-15');
    // A site east of UTC (India, UTC+5:30) keeps 15 June as 18:30 on the 14th.
    expect(dateOfDateOnly('2022-06-14T18:30:00Z')).toBe('2022-06-15');
    // A site west of UTC (New York in summer, UTC-4) keeps it as 04:00 on the 15th.
    expect(dateOfDateOnly('2022-06-15T04:00:00Z')).toBe('2022-06-15');
    expect(dateOfDateOnly('2022-06-15')).toBe('2022-06-15');
    expect(dateOfDateOnly('not a date')).toBeUndefined();
  });
});
