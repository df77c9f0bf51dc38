/**
 * SharePoint `$batch` wire format: the multipart/mixed request PnPjs v4 writes (GETs as
 * top-level parts, writes inside changesets) and the flat `batchresponse_` multipart
 * SharePoint Online answers with (one part per request, changesets not nested), which is
 * what PnPjs' batch parser expects.
 */
import { echo } from './odata';
import { STATUS_CODES } from 'node:http';

/** One HTTP request carried inside a batch. */
export interface BatchRequestPart {
  method: string;
  url: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string;
}

/** One HTTP response to write into a batch response. */
export interface BatchResponsePart {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

/** Thrown when the batch body is not valid multipart; the host answers 400. */
export class MultipartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MultipartError';
  }
}

/** The boundary parameter of a multipart Content-Type header. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return m ? m[1] ?? m[2] : undefined;
}

function splitParts(lines: string[], boundary: string): string[][] {
  const parts: string[][] = [];
  let current: string[] | undefined;
  let closed = false;
  for (const line of lines) {
    const t = line.trimEnd();
    if (t === `--${boundary}--`) {
      if (current) parts.push(current);
      current = undefined;
      closed = true;
      break;
    }
    if (t === `--${boundary}`) {
      if (current) parts.push(current);
      current = [];
      continue;
    }
    if (current) current.push(line);
  }
  if (!closed) throw new MultipartError(`The multipart body has no closing boundary --${echo(boundary)}--.`);
  return parts;
}

function readHeaders(lines: string[], start: number): { headers: Record<string, string>; next: number } {
  const headers: Record<string, string> = {};
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i].trimEnd();
    if (line === '') return { headers, next: i + 1 };
    const colon = line.indexOf(':');
    if (colon < 1) throw new MultipartError(`Invalid header line "${echo(line)}".`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, next: i };
}

function parseHttpPart(lines: string[]): BatchRequestPart {
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  const requestLine = /^([A-Z]+)\s+(\S+)\s+HTTP\/\d\.\d$/i.exec((lines[i] ?? '').trim());
  if (!requestLine) throw new MultipartError(`Invalid request line "${echo(lines[i] ?? '')}".`);
  const { headers, next } = readHeaders(lines, i + 1);
  const bodyLines = lines.slice(next);
  while (bodyLines.length > 0 && bodyLines[bodyLines.length - 1].trim() === '') bodyLines.pop();
  return { method: requestLine[1].toUpperCase(), url: requestLine[2], headers, body: bodyLines.join('\n') };
}

/** Parses a batch request body into its requests, in order, changesets flattened. */
export function parseBatchRequest(body: string, boundary: string): BatchRequestPart[] {
  const lines = body.split(/\r?\n/);
  const out: BatchRequestPart[] = [];
  for (const part of splitParts(lines, boundary)) {
    const { headers, next } = readHeaders(part, 0);
    const contentType = headers['content-type'] ?? '';
    const rest = part.slice(next);
    if (/^multipart\/mixed/i.test(contentType)) {
      const changeset = boundaryOf(contentType);
      if (!changeset) throw new MultipartError('A changeset has no boundary.');
      for (const inner of splitParts(rest, changeset)) {
        const h = readHeaders(inner, 0);
        out.push(parseHttpPart(inner.slice(h.next)));
      }
    } else if (/^application\/http/i.test(contentType)) {
      out.push(parseHttpPart(rest));
    } else {
      throw new MultipartError(`Unexpected batch part Content-Type "${echo(contentType)}".`);
    }
  }
  return out;
}

/** Serialises responses as SharePoint does; returns the body and its Content-Type. */
export function serialiseBatchResponse(parts: BatchResponsePart[], boundary: string): { body: string; contentType: string } {
  const crlf = '\r\n';
  let out = '';
  for (const p of parts) {
    out += `--${boundary}${crlf}Content-Type: application/http${crlf}Content-Transfer-Encoding: binary${crlf}${crlf}`;
    out += `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status] ?? 'Unknown'}${crlf}`;
    for (const [k, v] of Object.entries(p.headers)) out += `${k.toUpperCase()}: ${v}${crlf}`;
    out += crlf;
    if (p.body !== undefined && p.body !== '') out += `${p.body}${crlf}`;
  }
  out += `--${boundary}--${crlf}`;
  return { body: out, contentType: `multipart/mixed; boundary=${boundary}` };
}
