import { parseBatchRequest, serialiseBatchResponse, boundaryOf } from '../../local/host/multipart';

// Exactly the shape PnPjs v4's createBatch writes: "\n" line ends, GETs at top level,
// consecutive writes in one changeset.
const body = [
  '--batch_abc',
  'Content-Type: application/http',
  'Content-Transfer-Encoding: binary',
  '',
  "GET http://127.0.0.1:1/sites/ssm/_api/web/lists/getByTitle('SSM%20Services')/items?$top=2 HTTP/1.1",
  'Accept: application/json',
  'Content-Type: application/json;charset=utf-8',
  '',
  '--batch_abc',
  'Content-Type: multipart/mixed; boundary="changeset_def"',
  '',
  '--changeset_def',
  'Content-Type: application/http',
  'Content-Transfer-Encoding: binary',
  '',
  "MERGE http://127.0.0.1:1/sites/ssm/_api/web/lists/getByTitle('SSM%20Services')/items(1) HTTP/1.1",
  'Accept: application/json',
  'Content-Type: application/json;charset=utf-8',
  'IF-Match: "1"',
  '',
  '{"Title":"A"}',
  '',
  '--changeset_def',
  'Content-Type: application/http',
  'Content-Transfer-Encoding: binary',
  '',
  "POST http://127.0.0.1:1/sites/ssm/_api/web/lists/getByTitle('SSM%20Services')/items HTTP/1.1",
  'Accept: application/json',
  'Content-Type: application/json;charset=utf-8',
  '',
  '{"Title":"B"}',
  '',
  '--changeset_def--',
  '',
  '--batch_abc--',
  ''
].join('\n');

describe('$batch multipart', () => {
  it('reads the boundary from the Content-Type', () => {
    expect(boundaryOf('multipart/mixed; boundary=batch_abc')).toBe('batch_abc');
    expect(boundaryOf('multipart/mixed; boundary="changeset_x"')).toBe('changeset_x');
  });

  it('parses top-level parts and changesets in order', () => {
    const parts = parseBatchRequest(body, 'batch_abc');
    expect(parts.map((p) => p.method)).toEqual(['GET', 'MERGE', 'POST']);
    expect(parts[1].headers['if-match']).toBe('"1"');
    expect(parts[1].body).toBe('{"Title":"A"}');
    expect(parts[2].body).toBe('{"Title":"B"}');
    expect(parts[0].body).toBe('');
    expect(parts[0].url).toContain('$top=2');
  });

  it('rejects a body without its closing boundary', () => {
    expect(() => parseBatchRequest(body.replace('--batch_abc--', ''), 'batch_abc')).toThrow(/closing boundary/);
  });

  it('serialises flat batchresponse parts with status lines, headers and bodies', () => {
    const { body: out, contentType } = serialiseBatchResponse(
      [
        { status: 200, headers: { 'content-type': 'application/json' }, body: '{"a":1}' },
        { status: 204, headers: { etag: '"2"' } }
      ],
      'batchresponse_1'
    );
    expect(contentType).toBe('multipart/mixed; boundary=batchresponse_1');
    const lines = out.split('\r\n');
    expect(lines.filter((l) => l === '--batchresponse_1')).toHaveLength(2);
    expect(lines).toContain('HTTP/1.1 200 OK');
    expect(lines).toContain('HTTP/1.1 204 No Content');
    expect(lines).toContain('ETAG: "2"');
    expect(lines).toContain('{"a":1}');
    expect(out.endsWith('--batchresponse_1--\r\n')).toBe(true);
  });
});
