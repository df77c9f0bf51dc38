/**
 * An auditor's history of one risk or benefit: every version SharePoint keeps, read whole through
 * `items(id)/versions` and mapped by the schema, oldest first, with who saved each and when.
 * Against the local host by default, or a real site (docs/testing-on-a-tenant.md).
 */
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { createPnpItemHistory, versionAsItem } from '../../src/data/itemHistory';
import { fromItem } from '../../src/data/mapping';
import { NotFoundError } from '../../src/data/errors';
import type { Benefit, Risk } from '../../src/domain/types';
import type { Repositories } from '../../src/data/repositories';
import { ContractTarget, hostOnly, openTarget } from './support/target';

let target: ContractTarget;
let repos: Repositories;

beforeAll(async () => {
  target = await openTarget({ seed: true });
  repos = createPnpRepositories(target.sp());
});

afterAll(async () => {
  await target?.close();
});

it('reads every version of a risk, oldest first, with its people, service, scores and dates', async () => {
  const { editor, lead } = target.people;
  const added = await repos.risks.add({
    title: 'Key staff leave during the merger',
    serviceId: 1,
    causeEffect: '<p>Uncertainty.</p>',
    owner: editor,
    inherentLikelihood: 4,
    inherentImpact: 4,
    residualLikelihood: 3,
    residualImpact: 3,
    controls: '<p>Retention plan.</p>',
    reviewDate: '2027-01-15',
    status: 'Open'
  });
  const second = await repos.risks.update({ id: added.id, etag: added.etag, residualLikelihood: 2, owner: lead, reviewDate: '2027-04-15' });
  await repos.risks.update({ id: added.id, etag: second.etag, status: 'Closed' });

  const versions = await createPnpItemHistory(target.sp()).itemVersions('risks', added.id);
  expect(versions.map((v) => v.label)).toEqual(['1.0', '2.0', '3.0']);
  const [first, middle, last] = versions.map((v) => v.item);
  expect(first).toMatchObject({ id: added.id, title: 'Key staff leave during the merger', serviceId: 1, residualLikelihood: 3, reviewDate: '2027-01-15', status: 'Open' });
  expect(first.owner).toMatchObject({ id: editor.id, displayName: editor.displayName });
  expect(middle).toMatchObject({ residualLikelihood: 2, reviewDate: '2027-04-15', status: 'Open' });
  expect(middle.owner?.id).toBe(lead.id);
  expect(last.status).toBe('Closed');
  expect(versions.every((v) => !Number.isNaN(Date.parse(v.on)))).toBe(true);
  // Each version is dated when it was saved: never before the one it follows.
  for (let i = 1; i < versions.length; i++) expect(Date.parse(versions[i].on)).toBeGreaterThanOrEqual(Date.parse(versions[i - 1].on));
  const current = await repos.risks.getById(added.id);
  expect(Date.parse(versions[2].on)).toBe(Date.parse(String(current?.modified)));
  // Who saved it: the editing account's display name.
  expect(versions[0].by).not.toBe('');
});

it('reads a benefit’s savings and evidence link from its versions', async () => {
  const added = await repos.benefits.add({
    title: 'Shared licence',
    serviceId: 1,
    category: 'Financial savings',
    originalPosition: '',
    achievement: '',
    whenDelivered: '2027/28',
    deliveryStatus: 'In progress',
    realised: '',
    savings: [{ council: 'Council A', planned: 4000.5, realised: 0 }],
    evidenceUrl: 'https://example.org/evidence'
  });
  await repos.benefits.update({ id: added.id, etag: added.etag, savings: [{ council: 'Council A', planned: 4000.5, realised: 1200 }] });
  const versions = await createPnpItemHistory(target.sp()).itemVersions('benefits', added.id);
  expect(versions.map((v) => v.item.savings[0].realised)).toEqual([0, 1200]);
  expect(versions[0].item.evidenceUrl).toBe('https://example.org/evidence');
});

hostOnly('the sample risks are seeded on the host only').it('dates each version when it was saved, not when the item was created', async () => {
  const [seeded] = await repos.risks.getAll();
  await repos.risks.update({ id: seeded.id, etag: seeded.etag, status: 'Closed' });
  const versions = await createPnpItemHistory(target.sp()).itemVersions('risks', seeded.id);
  const [first, last] = [versions[0], versions[versions.length - 1]];
  expect(first.on).toBe(seeded.created);
  expect(Date.parse(last.on)).toBeGreaterThan(Date.parse(String(seeded.created)));
  expect(last.item.status).toBe('Closed');
});

it('says an item that does not exist is not found', async () => {
  await expect(createPnpItemHistory(target.sp()).itemVersions('risks', 987654)).rejects.toBeInstanceOf(NotFoundError);
});

describe('versionAsItem', () => {
  it('reads people and lookups given as { LookupId, LookupValue } (SharePoint Online) and numbers as text', () => {
    const risk = fromItem<Risk>(
      'risks',
      versionAsItem('risks', {
        Title: 'A risk',
        Created: '2026-11-02T10:15:00Z',
        VersionLabel: '2.0',
        Service: { LookupId: 3, LookupValue: 'Legal Services' },
        RiskOwner: { LookupId: 7, LookupValue: 'Sam Officer', Email: 'sam@example.org' },
        InherentLikelihood: '4',
        InherentImpact: 5,
        ReviewDate: '2027-01-15T12:00:00Z',
        RiskStatus: 'Open'
      })
    );
    expect(risk).toMatchObject({ title: 'A risk', serviceId: 3, inherentLikelihood: 4, inherentImpact: 5, reviewDate: '2027-01-15', status: 'Open' });
    expect(risk.owner).toEqual({ id: 7, displayName: 'Sam Officer', email: 'sam@example.org' });
  });

  it('reads a bare id, an empty person and a hyperlink written as text', () => {
    const bare = fromItem<Risk>('risks', versionAsItem('risks', { Title: 'B', RiskOwnerId: 9, RiskOwner: null, ServiceId: null }));
    expect(bare.owner?.id).toBe(9);
    expect(bare.serviceId).toBeUndefined();
    const benefit = fromItem<Benefit>('benefits', versionAsItem('benefits', { Title: 'C', EvidenceLink: 'https://example.org/a, Evidence' }));
    expect(benefit.evidenceUrl).toBe('https://example.org/a');
  });
});
