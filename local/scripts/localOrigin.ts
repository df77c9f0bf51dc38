/**
 * The origin of the local host (`npm start`) for the scripts that talk to it: the port comes
 * from SSM_PORT, as the host's own, so a host started on another port is the one the scripts
 * read and write. Each script prints the origin it used.
 */

/** The local host's port when SSM_PORT is not set. */
export const DEFAULT_LOCAL_PORT = 4321;

/** `http://127.0.0.1:<SSM_PORT or 4321>`; throws a clear message for a port that is not one. */
export function localOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.SSM_PORT;
  const port = raw === undefined || raw.trim() === '' ? DEFAULT_LOCAL_PORT : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`SSM_PORT must be a port number (1 to 65535), not "${raw ?? ''}".`);
  return `http://127.0.0.1:${port}`;
}

/** The origin to use: `--url` when given (trailing slashes removed), else the local host's. */
export function originOf(url: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return url !== undefined ? url.replace(/\/+$/, '') : localOrigin(env);
}
