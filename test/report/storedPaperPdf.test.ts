/**
 * PDF on a tenant through Microsoft Graph of the paper publishing stored: the stored file itself
 * is read as PDF through its list item's drive item, never uploaded (or rendered) again.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { TextDecoder, TextEncoder } from 'util';
import { graphStoredPaperPdf, PdfConversionError, storedPaperContentPath } from '../../src/reports/pdf';

type Call = { method: string; path: string; query?: Record<string, string> };

function fakeClient(answer: () => Promise<ArrayBuffer>): { client: Client; calls: Call[] } {
  const calls: Call[] = [];
  const client = {
    api: (path: string) => {
      const call: Call = { method: 'GET', path };
      const req = {
        query: (q: Record<string, string>) => {
          call.query = q;
          return req;
        },
        responseType: () => req,
        get: async () => {
          calls.push(call);
          return answer();
        },
        put: async () => {
          calls.push({ ...call, method: 'PUT' });
          throw new Error('A stored paper is never uploaded again.');
        }
      };
      return req;
    }
  };
  return { client: client as unknown as Client, calls };
}

describe('PDF of a stored paper through Graph', () => {
  it('reads the stored file itself as PDF, through its list item, without uploading it again', async () => {
    const { client, calls } = fakeClient(async () => new TextEncoder().encode('%PDF-1.7').buffer as ArrayBuffer);
    const ref = { siteId: 'contoso.sharepoint.com,1,2', listId: 'Committee papers', itemId: 7 };
    const pdf = await graphStoredPaperPdf(client, ref);
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7');
    expect(storedPaperContentPath(ref)).toBe('/sites/contoso.sharepoint.com%2C1%2C2/lists/Committee%20papers/items/7/driveItem/content');
    expect(calls).toEqual([{ method: 'GET', path: storedPaperContentPath(ref), query: { format: 'pdf' } }]);
  });

  it('says the conversion failed, naming the stored item', async () => {
    const { client } = fakeClient(() => Promise.reject(new Error('Not supported')));
    const failed = graphStoredPaperPdf(client, { siteId: 's', listId: 'l', itemId: 3 });
    await expect(failed).rejects.toBeInstanceOf(PdfConversionError);
    await expect(graphStoredPaperPdf(client, { siteId: 's', listId: 'l', itemId: 3 })).rejects.toThrow(/item 3 of Committee papers\) to PDF: Not supported/);
  });
});
