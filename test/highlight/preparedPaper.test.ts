/**
 * The Word paper rendered before publishing: its name and SHA-256 go into the snapshot (members
 * may add the file but not write its columns), and the very bytes hashed are the ones stored.
 */
jest.mock('../../src/webparts/highlightReport/download', () => ({ renderPaper: jest.fn() }));

import { bytesHash, CommitteePapersRepository } from '../../src/data/papers';
import type { CommitteePaper, ReportSnapshot } from '../../src/domain/types';
import type { ReportModel } from '../../src/domain/report/model';
import { preparePaper, storeWordPaper } from '../../src/webparts/highlightReport/papers';
import { renderPaper } from '../../src/webparts/highlightReport/download';

const render = renderPaper as jest.MockedFunction<typeof renderPaper>;

const model = { title: 'Highlight report' } as unknown as ReportModel;
const bytes = new Uint8Array([80, 75, 3, 4, 1, 2, 3]);

beforeEach(() => render.mockReset());

describe('a paper prepared before publishing', () => {
  it('carries the file name and the SHA-256 of its bytes', async () => {
    render.mockResolvedValue({ blob: new Blob([bytes]), fileName: 'Paper.docx' });
    const prepared = await preparePaper(model);
    expect(prepared?.bytes).toEqual(bytes);
    expect(prepared?.record).toEqual({ fileName: 'Paper.docx', fileHash: await bytesHash(bytes) });
  });

  it('is undefined when it cannot be rendered, so publishing goes on and renders it afterwards', async () => {
    render.mockRejectedValue(new Error('no fonts'));
    expect(await preparePaper(model)).toBeUndefined();
  });

  it('is stored as prepared, not rendered again', async () => {
    const storePaper = jest.fn(async () => ({ id: 1 }) as CommitteePaper);
    const papers = { storePaper } as unknown as CommitteePapersRepository;
    const snapshot = { id: 5, version: 2, model } as unknown as ReportSnapshot;
    await storeWordPaper(papers, snapshot, { bytes, fileName: 'Paper.docx', record: { fileName: 'Paper.docx', fileHash: 'sha256:x' } });
    expect(render).not.toHaveBeenCalled();
    expect(storePaper).toHaveBeenCalledWith(snapshot, bytes, 'Paper.docx');
  });
});
