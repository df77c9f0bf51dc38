/**
 * Entry of the plain baseline page (`/plain/?title=…&lists=…`), built by the browser benchmark.
 * As a SharePoint page does, it requests the web part's code and the web part renders; the
 * benchmark times from the mark below (the same mark the workbench sets) to the first rows shown.
 */
performance.mark('ssm-webparts-start');

const params = new URLSearchParams(window.location.search);
const root = document.getElementById('root');
const context = (window as unknown as { _spPageContextInfo?: { webAbsoluteUrl?: string } })._spPageContextInfo;

import('./plainWebPart')
  .then((m) => {
    if (!root || !context?.webAbsoluteUrl) throw new Error('The plain page has no #root or no _spPageContextInfo.');
    m.renderPlainWebPart(root, {
      webUrl: context.webAbsoluteUrl,
      title: params.get('title') ?? 'Plain web part',
      lists: (params.get('lists') ?? '').split(',').filter((l) => l.length > 0)
    });
  })
  .catch((error: unknown) => {
    document.body.textContent = `The plain web part could not start: ${error instanceof Error ? error.message : String(error)}`;
  });
