/**
 * How a published report model is kept in the snapshot list's Report column. A whole
 * programme's report runs past the 63,999 characters a SharePoint list column holds, so the
 * JSON is compressed with gzip and written as base64 behind a marker: about a fifth of the
 * size. Snapshots written as plain JSON (before compression) still read.
 */

/** Marks a stored model as gzip-compressed JSON in base64. */
export const PACKED_MODEL_PREFIX = 'gzip-base64:';

/** Bytes per btoa/atob call: String.fromCharCode with more arguments can overflow the stack. */
const CHUNK = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...Array.from(bytes.subarray(i, i + CHUNK)));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Runs bytes through a (de)compression stream, as the browser and Node both provide. */
async function through(bytes: Uint8Array, transform: GenericTransformStream): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(transform as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The stored form of a report model: its JSON, gzip-compressed, in base64 behind the marker. */
export async function packModel(model: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(model));
  return PACKED_MODEL_PREFIX + toBase64(await through(json, new CompressionStream('gzip')));
}

/**
 * The report model from its stored form: a packed string is decompressed and parsed; anything
 * else (JSON parsed by the data mapping from an older snapshot) is returned as it is, for
 * `readSnapshotModel` to check.
 */
export async function unpackModel(stored: unknown): Promise<unknown> {
  if (typeof stored !== 'string' || !stored.startsWith(PACKED_MODEL_PREFIX)) return stored;
  let json: string;
  try {
    json = new TextDecoder().decode(await through(fromBase64(stored.slice(PACKED_MODEL_PREFIX.length)), new DecompressionStream('gzip')));
  } catch (e) {
    // Someone edited the column by hand in SharePoint: surface it, never guess.
    throw new Error(`The stored report could not be decompressed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return JSON.parse(json) as unknown;
}

/** Marks a fingerprint as SHA-256 in hexadecimal (the prefix leaves room for another algorithm). */
export const CONTENT_HASH_PREFIX = 'sha256:';

/**
 * The fingerprint of a snapshot's content (snapshotContent): SHA-256 through Web Crypto, which
 * the browser and Node both provide. It tells a snapshot changed after publishing by anyone who
 * does not also recompute it; the list's permissions are what stop changes (see README, deploy).
 */
export async function contentHash(content: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(content));
  return CONTENT_HASH_PREFIX + Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
