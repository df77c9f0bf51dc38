/** The shared first load asks for the user and permission inside the lists' batch, and falls back. */
import { loadWithAccess } from '../../src/components/loadWithAccess';
import type { InitialLoad, LoadInitialOptions } from '../../src/data/repositories';
import { emptyInitialData } from '../../src/data/repositories';
import type { Person } from '../../src/domain/types';

const me: Person = { id: 7, displayName: 'Risk Owner', email: 'owner@council.example.gov.uk' };
const empty = (): InitialLoad => emptyInitialData();

function fake(withInclude: boolean) {
  const calls = { currentUser: 0, canEdit: 0, options: [] as Array<LoadInitialOptions | undefined> };
  return {
    calls,
    repositories: {
      loadInitial: async (_lists: unknown, options?: LoadInitialOptions): Promise<InitialLoad> => {
        calls.options.push(options);
        return withInclude ? { ...empty(), currentUser: me, canEdit: { risks: false } } : empty();
      },
      currentUser: async () => {
        calls.currentUser++;
        return me;
      },
      canEdit: async () => {
        calls.canEdit++;
        return true;
      }
    }
  };
}

describe('loadWithAccess', () => {
  it('asks for the user and the permission in the same load and makes no other call', async () => {
    const { repositories, calls } = fake(true);
    const result = await loadWithAccess(repositories, ['services', 'risks'], 'risks', { updatesForPeriods: ['2021-22-Q4'] });
    expect(calls.options[0]).toEqual({ updatesForPeriods: ['2021-22-Q4'], include: { currentUser: true, canEdit: ['risks'] } });
    expect(result.me).toEqual(me);
    expect(result.canEdit).toBe(false);
    expect(calls).toMatchObject({ currentUser: 0, canEdit: 0 });
  });

  it('falls back to separate calls when the repository does not return them', async () => {
    const { repositories, calls } = fake(false);
    const result = await loadWithAccess(repositories, ['services'], 'benefits');
    expect(result.canEdit).toBe(true);
    expect(calls).toMatchObject({ currentUser: 1, canEdit: 1 });
  });
});
