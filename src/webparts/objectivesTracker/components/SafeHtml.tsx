/** Rich text shown with the product's allowed set only (sanitised on every render). */
import * as React from 'react';
import { sanitiseRichText } from '../../../components/sanitise';

/** Props of `SafeHtml`. */
export interface ISafeHtmlProps {
  html: string | undefined;
  className?: string;
}

/** Renders sanitised rich text in a div. */
export function SafeHtml(props: ISafeHtmlProps): JSX.Element {
  const clean = React.useMemo(() => sanitiseRichText(props.html), [props.html]);
  return <div className={props.className} dangerouslySetInnerHTML={{ __html: clean }} />;
}
