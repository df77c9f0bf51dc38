/**
 * A form digest from the host's contextinfo, as an SPFx page has one in its context; tests
 * hand it to getSPForUrl so only the requests under test reach the request log.
 */
export async function formDigest(webUrl: string): Promise<string> {
  const response = await fetch(`${webUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`contextinfo answered ${response.status}`);
  const body = (await response.json()) as { FormDigestValue?: string };
  if (!body.FormDigestValue) throw new Error('contextinfo gave no FormDigestValue');
  return body.FormDigestValue;
}
