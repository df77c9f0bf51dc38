/**
 * Loads the import engine (file reading with exceljs, DOMPurify sanitising, planning and apply)
 * on demand. exceljs is large, so it must stay out of the web part bundles: only this module
 * may import `src/import`, and only with a dynamic `import()`, which webpack turns into a
 * chunk of its own fetched the first time a site owner checks a file.
 */

/** The engine module, as `src/import` exports it. */
export type ImportEngine = typeof import('../../import');

let loading: Promise<ImportEngine> | undefined;

/** The import engine; loaded once per page, a failed load is retried on the next call. */
export function loadImportEngine(): Promise<ImportEngine> {
  if (!loading) {
    loading = import(/* webpackChunkName: 'ssm-import' */ '../../import').catch((error: unknown) => {
      // A network hiccup while fetching the chunk must not stick for the page's lifetime.
      loading = undefined;
      throw error;
    });
  }
  return loading;
}
