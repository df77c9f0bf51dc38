/**
 * Connects the page to the local host's site: finds the web URL and a form digest, then builds
 * the PnPjs repositories the web parts use (the same `createPnpRepositories` as in SharePoint).
 */
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import type { Repositories } from '../../src/data/repositories';

/** Server-relative path of the local host's site. */
export const SITE_PATH = '/sites/ssm';

/** What a SharePoint page hands its scripts (`_spPageContextInfo`), as far as the workbench reads it. */
export interface IPageContextInfo {
  webAbsoluteUrl?: string;
  formDigestValue?: string;
  formDigestTimeoutSeconds?: number;
}

/** Thrown when the page cannot get a form digest from the host. */
export class WorkbenchConnectError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'WorkbenchConnectError';
    if (options && options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** A form digest and how long it stays valid. */
export interface IDigest {
  value: string;
  timeoutSeconds: number;
}

/** Reads the digest from a `_api/contextinfo` answer in minimal/no metadata or verbose JSON. */
export function parseContextInfo(json: unknown): IDigest {
  const body = (json ?? {}) as Record<string, unknown>;
  const verbose = (body.d as Record<string, unknown> | undefined)?.GetContextWebInformation as Record<string, unknown> | undefined;
  const info = verbose ?? body;
  const value = info.FormDigestValue;
  const timeout = Number(info.FormDigestTimeoutSeconds);
  if (typeof value !== 'string' || value.length === 0) {
    throw new WorkbenchConnectError('The contextinfo answer carries no FormDigestValue.');
  }
  return { value, timeoutSeconds: Number.isFinite(timeout) && timeout > 0 ? timeout : 1800 };
}

/**
 * The digest the page was served with when the host hands one in (as SharePoint does in
 * `_spPageContextInfo`), else one from `_api/contextinfo`. Fetched once here rather than by
 * PnPjs, because four web parts loading at once would each ask for one.
 */
export async function obtainDigest(webUrl: string, context: IPageContextInfo | undefined, fetchImpl: typeof fetch): Promise<IDigest> {
  if (context && typeof context.formDigestValue === 'string' && context.formDigestValue.length > 0) {
    return { value: context.formDigestValue, timeoutSeconds: context.formDigestTimeoutSeconds ?? 1800 };
  }
  let response: Response;
  try {
    response = await fetchImpl(`${webUrl}/_api/contextinfo`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    });
  } catch (error) {
    throw new WorkbenchConnectError(`POST ${webUrl}/_api/contextinfo failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error
    });
  }
  if (!response.ok) {
    throw new WorkbenchConnectError(`POST ${webUrl}/_api/contextinfo answered ${response.status} ${response.statusText}.`);
  }
  return parseContextInfo(await response.json());
}

/** The site's absolute URL: from the page context when handed in, else the host's fixed site path. */
export function siteUrl(origin: string, context: IPageContextInfo | undefined): string {
  const handedIn = context && context.webAbsoluteUrl;
  return (handedIn || `${origin}${SITE_PATH}`).replace(/\/+$/, '');
}

/** Builds the repositories for the site, with the digest handed to PnPjs. */
export async function connect(webUrl: string, context: IPageContextInfo | undefined, fetchImpl: typeof fetch): Promise<Repositories> {
  const digest = await obtainDigest(webUrl, context, fetchImpl);
  // The persona travels in the ssm-user cookie, which same-origin requests carry by themselves.
  return createPnpRepositories(getSPForUrl(webUrl, { digest: digest.value, digestTimeoutSeconds: digest.timeoutSeconds }));
}
