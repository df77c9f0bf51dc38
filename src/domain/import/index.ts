/** Import of existing trackers: header matching, row interpretation and the dry-run plan (pure). */
export * from './columns';
export * from './errors';
export * from './plan';
export * from './template';
export * from './values';
