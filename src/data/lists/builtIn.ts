/** Built-in fields every SharePoint list has; used in views and audit mappings. */
export const BUILT_IN = {
  id: 'Id',
  title: 'Title',
  created: 'Created',
  modified: 'Modified',
  author: 'Author',
  editor: 'Editor',
  etag: 'odata.etag'
} as const;
