/** Built-in fields every SharePoint list has; used in views and audit mappings. */
export const BUILT_IN = {
  id: 'Id',
  title: 'Title',
  created: 'Created',
  modified: 'Modified',
  author: 'Author',
  editor: 'Editor',
  etag: 'odata.etag',
  /** A document library's file name (read-only through items; set by the upload). */
  fileLeafRef: 'FileLeafRef',
  /** A document library's server-relative file address. */
  fileRef: 'FileRef',
  /** A library view's file-type icon column. */
  docIcon: 'DocIcon',
  /** A library view's file name column, linked to the file. */
  linkFilename: 'LinkFilename'
} as const;
