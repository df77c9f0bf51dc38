/**
 * A scripted fetch for unit tests of the data layer: each call is recorded and answered by
 * the next handler, so tests can assert exactly what PnPjs sent and how often.
 */
export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

export type Handler = (call: RecordedCall) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: typeof fetch;
  calls: RecordedCall[];
}

/** Answers calls with `handlers` in turn; the last handler answers every call after it. */
export function fakeFetch(...handlers: Handler[]): FakeFetch {
  const calls: RecordedCall[] = [];
  const impl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const call: RecordedCall = {
      url: input.toString(),
      method: (init?.method ?? 'GET').toUpperCase(),
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : ''
    };
    calls.push(call);
    const handler = handlers[Math.min(calls.length - 1, handlers.length - 1)];
    return handler(call);
  };
  return { fetch: impl as typeof fetch, calls };
}

/** JSON response as SharePoint sends it (minimal metadata). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8', ...headers }
  });
}

/** SharePoint's error JSON (minimal metadata). */
export function spError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return json({ 'odata.error': { code, message: { lang: 'en-US', value: message } } }, status, headers);
}

/** One part of a `$batch` answer. */
export interface BatchAnswerPart {
  status: number;
  statusText?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The request lines (`GET https://… HTTP/1.1`) of a `$batch` body, in order. */
export function batchRequestLines(body: string): string[] {
  return body.split('\n').filter((l) => /^(GET|POST|PATCH|MERGE|PUT|DELETE) \S+ HTTP\/1\.1/.test(l));
}

/** A multipart `$batch` answer in SharePoint's format, as PnPjs's parser expects it. */
export function batchAnswer(parts: BatchAnswerPart[]): Response {
  const boundary = 'batchresponse_4f6e2a1c-0000-4000-8000-000000000001';
  const lines: string[] = [];
  for (const p of parts) {
    lines.push(`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '');
    lines.push(`HTTP/1.1 ${p.status} ${p.statusText ?? (p.status < 300 ? 'OK' : 'Error')}`);
    lines.push('CONTENT-TYPE: application/json;odata=minimalmetadata;streaming=true;charset=utf-8');
    for (const [k, v] of Object.entries(p.headers ?? {})) lines.push(`${k}: ${v}`);
    lines.push('', p.body === undefined ? '' : JSON.stringify(p.body));
  }
  lines.push(`--${boundary}--`, '');
  return new Response(lines.join('\n'), { status: 200, headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}` } });
}
