/** @jest-environment jsdom */
import { readIdHints, rememberIdHints } from '../../src/components/idHints';
import { loadWithAccess } from '../../src/components/loadWithAccess';
import type { InitialLoad, LoadInitialOptions } from '../../src/data/repositories';
import { emptyInitialData } from '../../src/data/repositories';

const empty = (): InitialLoad => emptyInitialData();

function at(path: string): void {
  window.history.replaceState(null, '', path);
}

beforeEach(() => {
  window.localStorage.clear();
  at('/sites/shared-services/SitePages/Home.aspx');
});

describe('list length hints', () => {
  it('are remembered per site and merged list by list', () => {
    expect(readIdHints()).toBeUndefined();
    rememberIdHints({ updates: 20000 });
    rememberIdHints({ objectives: 5001 });
    expect(readIdHints()).toEqual({ updates: 20000, objectives: 5001 });
    at('/sites/another-site/SitePages/Home.aspx');
    expect(readIdHints()).toBeUndefined();
  });

  it('ignore a damaged entry and values that are not ids', () => {
    window.localStorage.setItem('ssm:list-ids:/sites/shared-services', '{not json');
    expect(readIdHints()).toBeUndefined();
    window.localStorage.setItem('ssm:list-ids:/sites/shared-services', JSON.stringify({ updates: -3, objectives: 'x', risks: 12 }));
    expect(readIdHints()).toEqual({ risks: 12 });
  });

  it('travel with the next first load, and the load leaves the new lengths behind', async () => {
    const seen: Array<LoadInitialOptions | undefined> = [];
    const repositories = {
      loadInitial: async (_lists: unknown, options?: LoadInitialOptions): Promise<InitialLoad> => {
        seen.push(options);
        return { ...empty(), currentUser: { id: 1, displayName: 'A', email: 'a@x.gov.uk' }, canEdit: { snapshots: true }, lastIds: { updates: 21000 } };
      },
      currentUser: async () => ({ id: 1, displayName: 'A', email: 'a@x.gov.uk' }),
      canEdit: async () => true
    };
    await loadWithAccess(repositories, ['updates'], 'snapshots');
    expect(seen[0]?.idHints).toBeUndefined();
    expect(readIdHints()).toEqual({ updates: 21000 });
    await loadWithAccess(repositories, ['updates'], 'snapshots');
    expect(seen[1]?.idHints).toEqual({ updates: 21000 });
  });
});
