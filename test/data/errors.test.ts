/**
 * toDataAccessError: PnPjs HttpRequestError to typed errors, with SharePoint's message and
 * the original error kept as cause.
 */
import { HttpRequestError } from '@pnp/queryable';
import {
  ConflictError,
  DataAccessError,
  ListMissingError,
  NotFoundError,
  ThrottledError,
  parseRetryAfter,
  serverMessageOf,
  toDataAccessError
} from '../../src/data/errors';
import { json, spError } from './support/fakeFetch';

const httpError = (r: Response): Promise<HttpRequestError> => HttpRequestError.init(r);

describe('toDataAccessError', () => {
  it('reads odata.error.message.value and keeps the original as cause', async () => {
    const original = await httpError(spError(500, '-2146232832, Microsoft.SharePoint.SPException', 'The field Aim is read only.'));
    const e = await toDataAccessError(original, { operation: 'update', list: 'objectives', itemId: 3 });
    expect(e).toBeInstanceOf(DataAccessError);
    expect(e.status).toBe(500);
    expect(e.serverMessage).toBe('The field Aim is read only.');
    expect(e.message).toBe('Could not save changes to "SSM Objectives". SharePoint said: The field Aim is read only.');
    expect(e.cause).toBe(original);
    expect(e.list).toBe('objectives');
    expect(e.operation).toBe('update');
  });

  it('reads the verbose error shape too', async () => {
    const original = await httpError(json({ error: { code: '-1', message: { lang: 'en-US', value: 'Verbose message' } } }, 400));
    expect((await toDataAccessError(original, { operation: 'read' })).serverMessage).toBe('Verbose message');
  });

  it('copes with a body that is not JSON', async () => {
    const original = await httpError(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const e = await toDataAccessError(original, { operation: 'read', list: 'risks' });
    expect(e.serverMessage).toBeUndefined();
    expect(e.message).toBe('Could not load "SSM Risks". SharePoint said: 502 Bad Gateway');
  });

  it('turns a missing list into ListMissingError pointing at "Set up lists"', async () => {
    const original = await httpError(spError(404, '-1, System.ArgumentException', "List 'SSM Risks' does not exist at site with URL 'https://x'."));
    const e = await toDataAccessError(original, { operation: 'read', list: 'risks', itemId: 4 });
    expect(e).toBeInstanceOf(ListMissingError);
    expect(e.message).toBe('The list "SSM Risks" does not exist on this site yet. A site owner can create it with "Set up lists" in the web part.');
  });

  it('turns a missing item into NotFoundError', async () => {
    const original = await httpError(spError(404, '-2147024809, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.'));
    const e = await toDataAccessError(original, { operation: 'update', list: 'risks', itemId: 4 });
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e.message).toContain('The item 4 no longer exists in "SSM Risks"');
  });

  it('turns 412 into ConflictError and 429 into ThrottledError with its Retry-After', async () => {
    const conflict = await toDataAccessError(await httpError(spError(412, '-1', 'The version of the item you are updating has changed.')), {
      operation: 'update',
      list: 'objectives',
      itemId: 1
    });
    expect(conflict).toBeInstanceOf(ConflictError);
    const throttled = await toDataAccessError(await httpError(spError(429, '-1', 'Throttled', { 'Retry-After': '7' })), { operation: 'read' });
    expect(throttled).toBeInstanceOf(ThrottledError);
    expect((throttled as ThrottledError).retryAfterSeconds).toBe(7);
  });

  it('explains a permission failure in words a user can act on', async () => {
    const e = await toDataAccessError(await httpError(spError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied.')), {
      operation: 'add',
      list: 'benefits'
    });
    expect(e.message).toBe('Could not save the new item in "SSM Benefits": you do not have permission. Ask a site owner for edit access.');
  });

  it('tells the user to refresh when the form digest has expired', async () => {
    const original = await httpError(
      spError(403, '-2130575251, Microsoft.SharePoint.SPException', 'The security validation for this page is invalid and might be corrupted.')
    );
    const e = await toDataAccessError(original, { operation: 'update', list: 'objectives', itemId: 2 });
    expect(e.message).toBe('Could not save changes to "SSM Objectives": the page has been open too long. Refresh the page and try again.');
  });

  it('wraps anything else and passes typed errors through', async () => {
    const plain = new TypeError('fetch failed');
    const wrapped = await toDataAccessError(plain, { operation: 'read' });
    expect(wrapped.message).toBe('Could not load: fetch failed');
    expect(wrapped.cause).toBe(plain);
    expect(await toDataAccessError(wrapped, { operation: 'add' })).toBe(wrapped);
  });

  it('keeps instanceof working on every subclass', () => {
    const e = new ConflictError({ id: 1 }, { id: 1, etag: '"1"' }, { operation: 'update', list: 'objectives' });
    expect(e).toBeInstanceOf(ConflictError);
    expect(e).toBeInstanceOf(DataAccessError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ConflictError');
  });
});

describe('parseRetryAfter and serverMessageOf', () => {
  it('parses seconds, HTTP dates and rubbish', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
  });
  it('returns nothing for JSON that is not an error', () => {
    expect(serverMessageOf('{"value":[]}')).toEqual({});
  });
});
