/**
 * "Download the column template": a real link to a Blob object URL holding the list's template
 * CSV (from the import engine's `templateCsv`), saved by the browser through `download`.
 */
import * as React from 'react';
import { Link } from '@fluentui/react';
import { lazyStrings } from '../../loc/lazy';
import type { ImportListKind } from '../../domain/import/columns';
import { templateCsv } from '../../domain/import/template';

/** File name the template is saved under, e.g. "objectives-import-template.csv". */
export function templateFileName(list: ImportListKind): string {
  return `${list}-import-template.csv`;
}

/** The template CSV of a list as a Blob (UTF-8, with the byte order mark Excel needs for "£"). */
export function templateBlob(list: ImportListKind): Blob {
  return new Blob([templateCsv(list)], { type: 'text/csv;charset=utf-8' });
}

/** Props of `TemplateLink`. */
export interface ITemplateLinkProps {
  /** List whose template is offered. */
  list: ImportListKind;
}

/** The template download link; its object URL lives as long as the link. */
export function TemplateLink(props: ITemplateLinkProps): JSX.Element {
  const { list } = props;
  const [url, setUrl] = React.useState<string | undefined>(undefined);
  React.useEffect(() => {
    const created = URL.createObjectURL(templateBlob(list));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [list]);
  return (
    <Link href={url} download={templateFileName(list)} data-testid="import-template-link">
      {lazyStrings.ImportTemplateLink}
    </Link>
  );
}
