/**
 * Errors the local host answers with, carrying SharePoint's HTTP status, error code
 * ("-2130575338, System.ArgumentException" style) and message, so clients see the same
 * `odata.error` JSON as from SharePoint Online.
 */

/** An error answered as SharePoint's error JSON. */
export class SpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message);
    this.name = 'SpError';
  }
}

/** 400 for a malformed or unsupported query option or body. */
export const invalidQuery = (message: string): SpError =>
  new SpError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message);

/** 404 for a list title or id that does not exist. */
export const listNotFound = (title: string, webUrl: string): SpError =>
  new SpError(404, '-1, System.ArgumentException', `List '${title}' does not exist at site with URL '${webUrl}'.`);

/** 404 for an item id that does not exist. */
export const itemNotFound = (): SpError =>
  new SpError(404, '-2130575338, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.');

/** 412 when IF-Match does not match the current version. */
export const etagMismatch = (sent: string, current: string): SpError =>
  new SpError(
    412,
    '-1, Microsoft.SharePoint.Client.ClientServiceException',
    `The request ETag value '${sent}' does not match the object's ETag value '${current}'.`
  );

/**
 * 500 like SharePoint when an add or update would give a column with EnforceUniqueValues a value
 * another item already has (SPDuplicateValuesFoundException, 0x810200BF).
 */
export const duplicateValues = (): SpError =>
  new SpError(
    500,
    '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
    'The list item could not be added or updated because duplicate values were found in one or more fields in the list.'
  );

/** 400 when EnforceUniqueValues is asked of a column that is not indexed, as SharePoint refuses it. */
export const uniqueNeedsIndex = (field: string): SpError =>
  new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', `The column '${field}' must be indexed to enforce unique values.`);

/** 403 when a write carries no valid form digest. */
export const securityValidation = (): SpError =>
  new SpError(
    403,
    '-2130575251, Microsoft.SharePoint.SPException',
    "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again."
  );

/** 403 when the current user lacks the permission. */
export const accessDenied = (): SpError =>
  new SpError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.');

/** 500 like SharePoint's list view threshold. */
export const throttled = (): SpError =>
  new SpError(
    500,
    '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
    'The attempted operation is prohibited because it exceeds the list view threshold.'
  );

/** 400 for a column name SharePoint does not know. */
export const columnMissing = (name: string): SpError =>
  new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', `Column '${name}' does not exist. It may have been deleted by another user.`);

/** 400 for a property the entity type does not define. */
export const propertyMissing = (name: string, type: string): SpError =>
  invalidQuery(`The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`);

/** 501: the endpoint exists in SharePoint or Graph but not in the local host. */
export const notImplemented = (method: string, path: string): SpError =>
  new SpError(501, 'NotImplemented', `The local host does not implement ${method} ${path}.`);

/** 409 SharePoint answers a write that collided with a concurrent write to the same item (not applied). */
export const saveConflict = (): SpError =>
  new SpError(
    409,
    '-2130575305, Microsoft.SharePoint.SPException',
    'Save Conflict. Your changes conflict with those made concurrently by another user. If you want your changes to be applied, click Back in your Web browser, refresh the page, and resubmit your changes.'
  );

/** 500 SharePoint Online answers for the parts of a `$batch` after a failed part (pnp/pnpjs issues #486, #1275). */
export const indexOutOfBounds = (): SpError => new SpError(500, '-1, System.IndexOutOfRangeException', 'Index was outside the bounds of the array.');

/** 500 a `$batch` part answers when it ran out of time on the server. */
export const operationTimedOut = (): SpError => new SpError(500, '-2147024809, System.TimeoutException', 'The operation has timed out.');
