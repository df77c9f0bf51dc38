/**
 * The committee papers library over real HTTP against the local host, through the same PnPjs v4
 * calls the product makes on SharePoint Online: a published snapshot's Word paper is stored as a
 * file of its own with its metadata and read back byte for byte; storing it again replaces only
 * that snapshot's file; a name taken by another snapshot's paper is refused; a report too large
 * for the snapshot column is kept in a file and reads back whole, its fingerprint covering the
 * file; and the host answers the file endpoints as SharePoint does (409/412 and the rest).
 */
import { startLocalHost } from '../../local/host/server';
import { Store } from '../../local/host/store';
import { addMissingSchemaFields, createSchemaLists } from '../../local/host/seed';
import { sampleData } from '../../local/sample-data';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { ensureLists } from '../../src/data/provisioning';
import { bytesHash, CHUNKED_UPLOAD_BYTES, PaperNotStoredError } from '../../src/data/papers';
import { PnpPaperFiles } from '../../src/data/papersLibrary';
import { FILE_POINTER_PREFIX } from '../../src/data/snapshotFiles';
import { packModel } from '../../src/data/snapshotCodec';
import { NOTE_MAX_LENGTH, SCHEMA } from '../../src/data/schema';
import { buildReportModel } from '../../src/domain/report';
import type { ReportModel } from '../../src/domain/report/model';
import type { Repositories } from '../../src/data/repositories';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/views';

type Host = Awaited<ReturnType<typeof startLocalHost>>;

let host: Host;
let web: string;
let repos: Repositories;
const editor = sampleData.users[0];

const model = (periodId: string, kind: ReportModel['kind'] = 'highlight'): ReportModel =>
  buildReportModel({ ...sampleData, updates: sampleData.objectiveUpdates }, { kind, periodId, generatedOn: '2022-03-10T09:00:00Z' });

/** Bytes that do not compress: a stand-in for a Word file (itself a zip). */
function noise(size: number, seed = 7): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

async function digest(): Promise<string> {
  return ((await (await fetch(`${web}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json' } })).json()) as { FormDigestValue: string }).FormDigestValue;
}

async function rest(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(`${web}/_api/${path}`, { method, headers: { Accept: 'application/json;odata=nometadata', 'X-RequestDigest': await digest(), ...init.headers }, body: init.body });
}

beforeAll(async () => {
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: true });
  web = `${host.url}/sites/ssm`;
  repos = createPnpRepositories(getSPForUrl(web));
});

afterAll(async () => {
  await host?.close();
});

describe('the library', () => {
  it('is a versioned document library (BaseTemplate 101) that provisioning creates once', async () => {
    const unseeded = await startLocalHost({ port: 0, dbFile: ':memory:', seed: false });
    try {
      const sp = getSPForUrl(`${unseeded.url}/sites/ssm`);
      const first = await ensureLists(sp);
      expect(first.created).toContain(SCHEMA.committeePapers.title);
      const info = await sp.web.lists.getByTitle(SCHEMA.committeePapers.title).select('BaseTemplate', 'BaseType', 'EnableVersioning', 'MajorVersionLimit')();
      expect(info).toMatchObject({ BaseTemplate: 101, BaseType: 1, EnableVersioning: true, MajorVersionLimit: SCHEMA.committeePapers.majorVersionLimit });
      const views = await sp.web.lists.getByTitle(SCHEMA.committeePapers.title).views.select('Title')();
      expect(views.map((v) => v.Title)).toEqual(expect.arrayContaining(SCHEMA.committeePapers.views.map((v) => v.title)));
      // Members must not change a paper the committee received: the library is add-only, like the snapshots.
      expect(first.notSupported).toContain(`${SCHEMA.committeePapers.title} / permissions`);
      const second = await ensureLists(sp);
      expect(second.created).toEqual([]);
      expect(second.updated).toEqual([]);
    } finally {
      await unseeded.close();
    }
  });
});

describe('storing the Word paper of a published snapshot', () => {
  it('keeps the bytes as sent, describes the file and links it to its snapshot', async () => {
    const snapshot = await repos.snapshots.publish(model('2021-22-Q4', 'quarterly'), editor);
    const docx = noise(50_000);
    const paper = await repos.committeePapers.storePaper(snapshot, docx, 'Shared-Services-Quarterly-Performance-Report-Q4-2021-22.docx');

    expect(paper.fileName).toBe(`Shared-Services-Quarterly-Performance-Report-Q4-2021-22-v${snapshot.version}.docx`);
    expect(paper.fileUrl).toBe(`/sites/ssm/SSMCommitteePapers/${paper.fileName}`);
    expect(paper).toMatchObject({ content: 'Word paper', reportKind: 'quarterly', periodId: '2021-22-Q4', version: snapshot.version, snapshotId: snapshot.id, fileHash: await bytesHash(docx) });
    expect(paper.reportTitle).toBe(snapshot.model.title);
    expect(await repos.committeePapers.read(paper.fileUrl)).toEqual(docx);
    expect((await repos.committeePapers.papersBySnapshot()).get(snapshot.id)?.fileUrl).toBe(paper.fileUrl);

    // The link a browser follows: the file at its own address, as a Word document.
    const opened = await fetch(`${host.url}${paper.fileUrl}`);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(new Uint8Array(await opened.arrayBuffer())).toEqual(docx);

    // Uploaded (1.0), then described (2.0): the version history holds the upload, with the same bytes.
    const versions = await repos.committeePapers.versions(paper.fileUrl);
    expect(versions.map((v) => v.label)).toEqual(['1.0']);
    expect(versions[0].size).toBe(docx.byteLength);
    expect(await repos.committeePapers.integrity(paper)).toBe('verified');

    // An owner replaces the file's content afterwards: it no longer matches its fingerprint.
    const put = await rest('POST', `web/getFileByServerRelativePath(decodedUrl='${encodeURIComponent(paper.fileUrl)}')/$value`, { body: noise(100, 11), headers: { 'X-HTTP-Method': 'PUT' } });
    expect(put.status).toBe(204);
    expect(await repos.committeePapers.integrity(paper)).toBe('altered');
    expect((await repos.committeePapers.versions(paper.fileUrl)).map((v) => v.label)).toEqual(['2.0', '1.0']);
  });

  it('replaces only its own earlier attempt, and never another snapshot’s paper', async () => {
    const snapshot = await repos.snapshots.publish(model('2021-22-Q3'), editor);
    const name = 'Shared-Services-Highlight-Report-Q3-2021-22.docx';
    await repos.committeePapers.storePaper(snapshot, noise(1000, 1), name);
    const again = await repos.committeePapers.storePaper(snapshot, noise(1000, 2), name);
    expect(await repos.committeePapers.read(again.fileUrl)).toEqual(noise(1000, 2));

    // A forged snapshot of the same version and name, as if another series had used the name.
    const other = { ...snapshot, id: snapshot.id + 1000 };
    await expect(repos.committeePapers.storePaper(other, noise(10), name)).rejects.toBeInstanceOf(PaperNotStoredError);
    expect(await repos.committeePapers.read(again.fileUrl)).toEqual(noise(1000, 2));
  });

  it('uploads a paper over 10 MB in chunks', async () => {
    const snapshot = await repos.snapshots.publish(model('2021-22-Q2'), editor);
    const big = noise(CHUNKED_UPLOAD_BYTES + 300_000, 3);
    const paper = await repos.committeePapers.storePaper(snapshot, new Blob([big]), 'Big.docx');
    const back = await repos.committeePapers.read(paper.fileUrl);
    expect(back.byteLength).toBe(big.byteLength);
    expect(await bytesHash(back)).toBe(paper.fileHash);
    expect(host.requestLog().some((r) => /startUpload\(uploadId=guid'/i.test(r.path))).toBe(true);
  });
});

describe('a report too large for the snapshot column', () => {
  it('is stored as a file, read back whole, and its fingerprint covers the file', async () => {
    const base = model('2021-22-Q1');
    // Text that gzip cannot shrink below the column's size (random letters), in the clerk's narrative.
    const words = Array.from(noise(150_000, 9), (b) => String.fromCharCode(97 + (b % 26))).join('');
    const huge: ReportModel = { ...base, narrative: { ...base.narrative, purpose: `<p>${words}</p>` } };
    expect(JSON.stringify(await packModel(huge)).length).toBeGreaterThan(NOTE_MAX_LENGTH);
    const snapshot = await repos.snapshots.publish(huge, editor);
    expect(snapshot.integrity).toBe('verified');
    expect(snapshot.model.narrative?.purpose).toBe(huge.narrative?.purpose);

    // The column holds a pointer to the file, not the report.
    const raw = (await (await rest('GET', `web/lists/getByTitle('${SCHEMA.snapshots.title}')/items(${snapshot.id})?$select=ReportModel`)).json()) as { ReportModel: string };
    const pointer = JSON.parse(raw.ReportModel) as string;
    expect(pointer.startsWith(FILE_POINTER_PREFIX)).toBe(true);
    const fileUrl = pointer.slice(FILE_POINTER_PREFIX.length);
    const stored = await new PnpPaperFiles(getSPForUrl(web)).read(fileUrl);
    expect(stored).toMatchObject({ content: 'Report data', periodId: '2021-22-Q1', version: snapshot.version });
    expect((await new PnpPaperFiles(getSPForUrl(web)).text(fileUrl)).length).toBeGreaterThan(NOTE_MAX_LENGTH);

    const read = await repos.snapshots.getById(snapshot.id);
    expect(read?.model).toEqual(snapshot.model);
    expect(read?.integrity).toBe('verified');
    // Not a paper: the published list links no Word file to it.
    expect((await repos.committeePapers.papersBySnapshot()).has(snapshot.id)).toBe(false);

    // The file changed after publishing (an owner overwrote it with a forged report): it reads as altered.
    const forged = await packModel({ ...snapshot.model, title: 'Nothing to see here' });
    const name = fileUrl.replace(/^.*\//, '');
    const put = await rest('POST', `web/getFolderByServerRelativePath(decodedUrl='${encodeURIComponent('/sites/ssm/SSMCommitteePapers')}')/files/AddUsingPath(decodedurl='${encodeURIComponent(name)}',Overwrite=true)`, {
      body: JSON.stringify(forged)
    });
    expect(put.status).toBe(200);
    const after = await repos.snapshots.getById(snapshot.id);
    expect(after?.integrity).toBe('altered');
    expect(after?.model.title).toBe('Nothing to see here');
  });
});

describe('the host answers the file endpoints as SharePoint does', () => {
  const folder = `web/getFolderByServerRelativePath(decodedUrl='${encodeURIComponent('/sites/ssm/SSMCommitteePapers')}')`;

  it('refuses a taken name without Overwrite, a stale If-Match, a list item added to a library, and an unknown folder', async () => {
    const add = (overwrite: boolean): Promise<Response> => rest('POST', `${folder}/files/AddUsingPath(decodedurl='Taken.txt'${overwrite ? ',Overwrite=true' : ''})`, { body: 'one' });
    expect((await add(false)).status).toBe(200);
    const taken = await add(false);
    expect(taken.status).toBe(400);
    expect(JSON.stringify(await taken.json())).toContain('-2130575257');
    expect((await add(true)).status).toBe(200);

    const file = `web/getFileByServerRelativePath(decodedUrl='${encodeURIComponent('/sites/ssm/SSMCommitteePapers/Taken.txt')}')`;
    const merge = (etag: string): Promise<Response> =>
      rest('POST', `${file}/ListItemAllFields`, { body: JSON.stringify({ PaperVersion: 3 }), headers: { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'IF-MATCH': etag } });
    expect((await merge('"1"')).status).toBe(412);
    expect((await merge('*')).status).toBe(204);
    const item = (await (await rest('GET', `${file}/ListItemAllFields?$select=PaperVersion,FileLeafRef`)).json()) as Record<string, unknown>;
    expect(item).toMatchObject({ PaperVersion: 3, FileLeafRef: 'Taken.txt' });
    expect(await (await rest('GET', `${file}/$value`)).text()).toBe('one');
    const versions = (await (await rest('GET', `${file}/versions`)).json()) as { value: Array<{ VersionLabel: string; ID: number }> };
    expect(versions.value.map((v) => v.VersionLabel)).toEqual(['2.0', '1.0']);
    expect(await (await rest('GET', `${file}/versions(${versions.value[1].ID})/$value`)).text()).toBe('one');

    const item2 = await rest('POST', `web/lists/getByTitle('${SCHEMA.committeePapers.title}')/items`, { body: JSON.stringify({ Title: 'x' }), headers: { 'Content-Type': 'application/json' } });
    expect(item2.status).toBe(400);
    const missing = await rest('POST', `web/getFolderByServerRelativePath(decodedUrl='${encodeURIComponent('/sites/ssm/NoSuchLibrary')}')/files/AddUsingPath(decodedurl='a.txt')`, { body: 'a' });
    expect(missing.status).toBe(404);
  });

  it('keeps uploads to editors', async () => {
    // The auditor persona (read-only on the site).
    const auditor = sampleData.users.find((u) => u.id === 3);
    expect(auditor).toBeDefined();
    const refused = await fetch(`${web}/_api/${folder}/files/AddUsingPath(decodedurl='Auditor.txt')`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-RequestDigest': await digest(), Cookie: `ssm-user=${encodeURIComponent(auditor?.email ?? '')}` },
      body: 'x'
    });
    expect(refused.status).toBe(403);
  });
});

describe('a data file from before the library', () => {
  it('gets the library when the host opens it, as provisioning would add it', () => {
    const store = new Store(':memory:');
    try {
      createSchemaLists(store);
      const library = store.listByTitle(SCHEMA.committeePapers.title);
      if (!library) throw new Error('The library was not created.');
      store.deleteList(library);
      expect(addMissingSchemaFields(store)).toContain(SCHEMA.committeePapers.title);
      const again = store.listByTitle(SCHEMA.committeePapers.title);
      expect(again).toMatchObject({ baseTemplate: 101, url: SCHEMA.committeePapers.url, enableVersioning: true, majorVersionLimit: SCHEMA.committeePapers.majorVersionLimit });
      expect(addMissingSchemaFields(store)).toEqual([]);
    } finally {
      store.close();
    }
  });
});

/**
 * A member holding "SSM Add only" on the library: SharePoint lets them add the file but refuses
 * the write of its columns (an edit, EditListItems) with 403, or, as some report, takes it and
 * changes nothing. The host's other answers are its own.
 */
function memberFetch(refusal: 'forbidden' | 'ignored'): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.headers ? new Headers(init.headers).get('X-HTTP-Method') : null) ?? init?.method ?? 'GET';
    if (/listItemAllFields/i.test(url) && method.toUpperCase() === 'MERGE') {
      if (refusal === 'ignored') return new Response(null, { status: 204 });
      return new Response(JSON.stringify({ 'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Access denied.' } } }), {
        status: 403,
        headers: { 'Content-Type': 'application/json;odata=minimalmetadata' }
      });
    }
    return fetch(input, init);
  };
}

describe.each(['forbidden', 'ignored'] as const)('a member whose write of the paper’s columns is %s', (refusal) => {
  const periods = { forbidden: '2020-21-Q4', ignored: '2020-21-Q3' };

  it('still stores the paper, which is found through its snapshot and verified', async () => {
    const member = createPnpRepositories(getSPForUrl(web, { retry: { fetch: memberFetch(refusal) } }));
    const docx = noise(20_000, refusal === 'forbidden' ? 21 : 22);
    const name = `Member-paper-${refusal}.docx`;
    // Rendered before publishing: the snapshot records the file's name and fingerprint.
    const snapshot = await member.snapshots.publish(model(periods[refusal]), editor, { fileName: name, fileHash: await bytesHash(docx) });
    expect(snapshot.paperFileName).toBe(`Member-paper-${refusal}-v${snapshot.version}.docx`);

    const paper = await member.committeePapers.storePaper(snapshot, docx, name);
    expect(paper).toMatchObject({ fileName: snapshot.paperFileName, content: 'Word paper', snapshotId: snapshot.id, version: snapshot.version, fileHash: snapshot.paperHash });
    // The file has none of the product's columns, as SharePoint would leave it.
    expect((await new PnpPaperFiles(getSPForUrl(web)).read(paper.fileUrl)).snapshotId).toBeUndefined();

    const found = (await member.committeePapers.papersBySnapshot()).get(snapshot.id);
    expect(found).toMatchObject({ fileUrl: paper.fileUrl, snapshotId: snapshot.id, version: snapshot.version, fileHash: snapshot.paperHash });
    expect(await member.committeePapers.integrity(found!)).toBe('verified');

    // Storing it again (a retry after an interruption) keeps the file as stored: overwriting is an edit.
    const again = await member.committeePapers.storePaper(snapshot, noise(20_000, 99), name);
    expect(again.fileUrl).toBe(paper.fileUrl);
    expect(await member.committeePapers.read(paper.fileUrl)).toEqual(docx);
    // No earlier version: the file is as uploaded, neither described nor replaced.
    expect(await member.committeePapers.versions(paper.fileUrl)).toEqual([]);

    // Changed afterwards by an owner: its bytes no longer match what the snapshot recorded.
    const put = await rest('POST', `web/getFileByServerRelativePath(decodedUrl='${encodeURIComponent(paper.fileUrl)}')/$value`, { body: noise(100, 12), headers: { 'X-HTTP-Method': 'PUT' } });
    expect(put.status).toBe(204);
    expect(await member.committeePapers.integrity(found!)).toBe('altered');
  });
});

describe('a member publishing a report too large for the snapshot column', () => {
  it('publishes it although the data file’s columns cannot be written', async () => {
    const member = createPnpRepositories(getSPForUrl(web, { retry: { fetch: memberFetch('forbidden') } }));
    const base = model('2020-21-Q2');
    const words = Array.from(noise(150_000, 31), (b) => String.fromCharCode(97 + (b % 26))).join('');
    const huge: ReportModel = { ...base, narrative: { ...base.narrative, purpose: `<p>${words}</p>` } };
    const snapshot = await member.snapshots.publish(huge, editor);
    expect(snapshot.integrity).toBe('verified');
    expect((await member.snapshots.getById(snapshot.id))?.model.narrative?.purpose).toBe(huge.narrative?.purpose);
  });
});
