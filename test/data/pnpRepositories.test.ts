/**
 * PnPjs repositories against a scripted fetch: paging, loadInitial's $batch rounds with a
 * throttled part, etag conflicts and batched adds that never resend a saved part.
 */
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories, indexedEq } from '../../src/data/pnpRepositories';
import { BatchPartsError, ConflictError, ListMissingError } from '../../src/data/errors';
import type { Objective } from '../../src/domain/types';
import { batchAnswer, batchRequestLines, fakeFetch, json, spError, RecordedCall } from './support/fakeFetch';

const WEB = 'https://contoso.sharepoint.com/sites/ssm';
const noWait = { sleep: async (): Promise<void> => undefined };

function rawObjective(id: number, etag = 1): Record<string, unknown> {
  return {
    'odata.etag': `"${etag}"`,
    Id: id,
    Title: `Objective ${id}`,
    Created: '2022-01-01T00:00:00Z',
    Modified: '2022-01-02T00:00:00Z',
    Aim: '<p>Aim</p>',
    ServiceId: 1,
    ObjectiveStatus: 'In progress',
    Rag: 'Green',
    ResponsibleOfficerId: 7,
    ResponsibleOfficer: { Id: 7, Title: 'Sam Officer', EMail: 'sam@example.org' },
    TargetDate: '2023-03-31T00:00:00Z',
    LastUpdatePeriod: '2021-22-Q3',
    NextUpdateDue: '2022-03-10T00:00:00Z'
  };
}

function repos(f: ReturnType<typeof fakeFetch>) {
  return createPnpRepositories(getSPForUrl(WEB, { digest: 'd', retry: { fetch: f.fetch, ...noWait } }), { batch: noWait });
}

const isBatch = (c: RecordedCall): boolean => c.url.endsWith('/_api/$batch');

describe('getAll', () => {
  it('asks for 5,000 a page with the schema $select/$expand and follows every nextLink', async () => {
    const next = `${WEB}/_api/web/lists/getByTitle('SSM%20Objectives')/items?%24skiptoken=Paged%3dTRUE%26p_ID%3d2&%24top=5000`;
    const f = fakeFetch(
      () => json({ value: [rawObjective(1), rawObjective(2)], 'odata.nextLink': next }),
      () => json({ value: [rawObjective(3)] })
    );
    const all = await repos(f).objectives.getAll();
    expect(all.map((o) => o.id)).toEqual([1, 2, 3]);
    const first = new URL(f.calls[0].url);
    expect(first.searchParams.get('$top')).toBe('5000');
    expect(first.searchParams.get('$select')?.split(',')).toEqual(expect.arrayContaining(['Id', 'Title', 'ServiceId', 'ResponsibleOfficer/EMail']));
    expect(first.searchParams.get('$expand')).toBe('ResponsibleOfficer');
    expect(f.calls[1].url).toBe(next);
    expect(all[0].responsibleOfficer).toEqual({ id: 7, displayName: 'Sam Officer', email: 'sam@example.org' });
    expect(all[0].targetDate).toBe('2023-03-31');
  });

  it('reports a missing list as ListMissingError', async () => {
    const f = fakeFetch(() => spError(404, '-1, System.ArgumentException', "List 'SSM Objectives' does not exist at site with URL 'x'."));
    await expect(repos(f).objectives.getAll()).rejects.toBeInstanceOf(ListMissingError);
  });
});

describe('filters', () => {
  it('filters only on indexed fields', () => {
    expect(indexedEq('objectiveUpdates', 'periodId', "2021-22-Q4")).toBe("Period eq '2021-22-Q4'");
    expect(indexedEq('objectiveUpdates', 'objectiveId', 5)).toBe('ObjectiveId eq 5');
    expect(() => indexedEq('objectiveUpdates', 'narrative', 'x')).toThrow(/not indexed/);
  });

  it('escapes quotes in string literals', () => {
    expect(indexedEq('reminderLog', 'officerEmail', "o'brien@example.org")).toBe("OfficerEmail eq 'o''brien@example.org'");
  });
});

describe('loadInitial', () => {
  const objectivesNext = `${WEB}/_api/web/lists/getByTitle('SSM%20Objectives')/items?%24skiptoken=Paged%3dTRUE%26p_ID%3d1&%24top=5000`;
  const throttled = { status: 429, headers: { 'Retry-After': '1' }, body: { 'odata.error': { code: '-1', message: { lang: 'en-US', value: 'Throttled' } } } };
  const rawUpdate = { Id: 9, Title: '2021-22-Q4 #1', ObjectiveId: 1, Period: '2021-22-Q4', Narrative: '<p>x</p>', StatusAtUpdate: 'Ongoing', RagAtUpdate: 'Amber', UpdatedOn: '2022-01-05T10:00:00Z' };

  it('reads first pages and highest ids in one $batch, then the rest of each list by id range in one more, retrying only the throttled part', async () => {
    const f = fakeFetch(
      (call) => {
        const lines = batchRequestLines(call.body);
        // Each list's first page, each followed by its highest id.
        expect(lines).toHaveLength(6);
        expect(lines[1]).toContain('%24orderby=Id+desc&%24top=1');
        return batchAnswer([
          { status: 200, body: { value: [{ Id: 1, Title: 'Revenues', PartnerCouncils: '["A","B"]', Phase: 'Phase 1' }] } },
          { status: 200, body: { value: [{ Id: 1 }] } },
          { status: 200, body: { value: [rawObjective(1)], 'odata.nextLink': objectivesNext } },
          { status: 200, body: { value: [{ Id: 7000 }] } },
          throttled,
          { status: 200, body: { value: [{ Id: 9 }] } }
        ]);
      },
      (call) => {
        const lines = batchRequestLines(call.body);
        // The throttled updates page again, and the objectives after id 1 in two windows of SharePoint's
        // own paging, in id order and without a filter (the last open-ended).
        expect(lines).toHaveLength(3);
        expect(lines[0]).toContain("getByTitle('SSM%20Objective%20Updates')");
        const windows = lines.slice(1).map((l) => decodeURIComponent(l).replace(/\+/g, ' '));
        expect(windows[0]).toContain('$skiptoken=Paged=TRUE&p_ID=1&');
        expect(windows[1]).toContain('$skiptoken=Paged=TRUE&p_ID=5001&');
        for (const w of windows) {
          expect(w).toContain('$orderby=Id asc');
          expect(w).toContain('$top=5000');
          expect(w).not.toContain('$filter');
        }
        return batchAnswer([
          { status: 200, body: { value: [rawUpdate] } },
          { status: 200, body: { value: [rawObjective(2)] } },
          { status: 200, body: { value: [rawObjective(6999)] } }
        ]);
      }
    );
    const data = await repos(f).loadInitial(['services', 'objectives', 'updates']);
    expect(f.calls.filter(isBatch)).toHaveLength(2);
    expect(f.calls).toHaveLength(2);
    expect(data.services.map((s) => s.partnerCouncils)).toEqual([['A', 'B']]);
    expect(data.objectives.map((o) => o.id)).toEqual([1, 2, 6999]);
    expect(data.updates.map((u) => [u.objectiveId, u.periodId])).toEqual([[1, '2021-22-Q4']]);
    expect(data.risks).toEqual([]);
  });

  it('follows the next-page link when the highest id could not be read', async () => {
    const f = fakeFetch(
      () =>
        batchAnswer([
          { status: 200, body: { value: [rawObjective(1)], 'odata.nextLink': objectivesNext } },
          { status: 200, body: { value: [] } }
        ]),
      (call) => {
        const lines = batchRequestLines(call.body);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain('skiptoken');
        return batchAnswer([{ status: 200, body: { value: [rawObjective(2)] } }]);
      }
    );
    const data = await repos(f).loadInitial(['objectives']);
    expect(f.calls.filter(isBatch)).toHaveLength(2);
    expect(data.objectives.map((o) => o.id)).toEqual([1, 2]);
  });
});

describe('update', () => {
  it('sends IF-Match and turns 412 into ConflictError carrying the server version and the attempt', async () => {
    const f = fakeFetch(
      () => spError(412, '-2130575305, Microsoft.SharePoint.SPException', 'The version of the item you are updating has changed.'),
      () => json(rawObjective(4, 3))
    );
    const attempt = { id: 4, etag: '"1"', rag: 'Red' as const };
    const error = await repos(f).objectives.update(attempt).catch((e: unknown) => e);
    expect(f.calls[0].headers.get('IF-Match')).toBe('"1"');
    expect(f.calls[0].headers.get('X-HTTP-Method')).toBe('MERGE');
    expect(JSON.parse(f.calls[0].body)).toEqual({ Rag: 'Red' });
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError<Objective>;
    expect(conflict.serverVersion?.etag).toBe('"3"');
    expect(conflict.serverVersion?.rag).toBe('Green');
    expect(conflict.attempted).toEqual(attempt);
  });
});

describe('addMany', () => {
  const update = (n: number) => ({
    objectiveId: 1,
    periodId: '2021-22-Q4',
    narrative: `<p>Update ${n}</p>`,
    status: 'Ongoing' as const,
    rag: 'Green' as const,
    author: { id: 7, displayName: 'Sam Officer', email: 'sam@example.org' },
    updatedOn: '2022-01-05T10:00:00Z'
  });
  const saved = (id: number, n: number) => ({ 'odata.etag': '"1"', Id: id, Title: '2021-22-Q4 #1', ObjectiveId: 1, Period: '2021-22-Q4', Narrative: `<p>Update ${n}</p>`, StatusAtUpdate: 'Ongoing', RagAtUpdate: 'Green', UpdateAuthorId: 7, UpdatedOn: '2022-01-05T10:00:00Z' });

  it('resends only the throttled part, so nothing is written twice', async () => {
    const f = fakeFetch(
      () => batchAnswer([{ status: 201, body: saved(11, 1) }, { status: 429, headers: { 'Retry-After': '1' } }, { status: 201, body: saved(12, 3) }]),
      (call) => {
        const bodies = call.body.split('\n').filter((l) => l.startsWith('{'));
        expect(bodies).toHaveLength(1);
        expect(JSON.parse(bodies[0]).Narrative).toBe('<p>Update 2</p>');
        return batchAnswer([{ status: 201, body: saved(13, 2) }]);
      }
    );
    const result = await repos(f).objectiveUpdates.addMany([update(1), update(2), update(3)]);
    expect(result.map((u) => u.id)).toEqual([11, 13, 12]);
    expect(result[0].author).toEqual({ id: 7, displayName: 'Sam Officer', email: 'sam@example.org' });
    expect(f.calls.filter(isBatch)).toHaveLength(2);
  });

  it('reports which parts failed and which were saved', async () => {
    const f = fakeFetch(() =>
      batchAnswer([{ status: 201, body: saved(11, 1) }, { status: 400, body: { 'odata.error': { code: '-1', message: { lang: 'en-US', value: 'Bad value' } } } }])
    );
    const error = await repos(f).objectiveUpdates.addMany([update(1), update(2)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchPartsError);
    const partial = error as BatchPartsError<unknown>;
    expect(partial.failures.map((x) => [x.index, x.error.serverMessage])).toEqual([[1, 'Bad value']]);
    expect((partial.succeeded[0] as { id: number }).id).toBe(11);
    expect(partial.message).toMatch(/^1 of 2 items could not be saved in "SSM Objective Updates" \(1 were saved\)/);
  });
});
