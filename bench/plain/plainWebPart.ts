/**
 * The plain PnPjs web part, the benchmark's baseline: what a developer following the usual
 * PnPjs and Fluent UI samples writes. It reads every item of each list it is given with
 * `for await` paging at 5,000 items a page (the lists in parallel), then shows the first list
 * in a Fluent `DetailsList` with the columns DetailsList derives from the items. No view
 * model, no selected columns, no batching: the usual approach the product is compared with.
 * Plain React.createElement (no JSX) so the benchmark's TypeScript settings check it.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { DetailsList, MessageBar, MessageBarType, Spinner } from '@fluentui/react';
import { spfi, SPBrowser } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';

/** Props of the plain web part. */
export interface IPlainWebPartProps {
  /** Absolute URL of the site. */
  webUrl: string;
  /** Heading shown above the list. */
  title: string;
  /** List titles to read; the first is shown. */
  lists: readonly string[];
}

async function readAll(props: IPlainWebPartProps): Promise<Record<string, unknown>[][]> {
  const sp = spfi().using(SPBrowser({ baseUrl: props.webUrl }));
  return Promise.all(
    props.lists.map(async (title) => {
      const items: Record<string, unknown>[] = [];
      for await (const page of sp.web.lists.getByTitle(title).items.top(5000)) items.push(...(page as Record<string, unknown>[]));
      return items;
    })
  );
}

function PlainWebPart(props: IPlainWebPartProps): React.ReactElement {
  const [lists, setLists] = React.useState<Record<string, unknown>[][] | undefined>(undefined);
  const [error, setError] = React.useState<string | undefined>(undefined);
  React.useEffect(() => {
    readAll(props).then(setLists, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  const body = error
    ? React.createElement(MessageBar, { messageBarType: MessageBarType.error }, error)
    : lists
      ? React.createElement(DetailsList, { items: lists[0] ?? [] })
      : React.createElement(Spinner, { label: 'Loading…' });
  return React.createElement('div', { 'data-webpart': 'plain' }, React.createElement('h2', {}, props.title), body);
}

/** Renders the plain web part into `element`, as its web part class's render() would. */
export function renderPlainWebPart(element: HTMLElement, props: IPlainWebPartProps): void {
  // eslint-disable-next-line @microsoft/spfx/pair-react-dom-render-unmount -- a benchmark page rendered once for its life.
  ReactDom.render(React.createElement(PlainWebPart, props), element);
}
