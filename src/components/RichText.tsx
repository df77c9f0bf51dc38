/**
 * Shows rich text written in the product's editors (and imported from the councils' reports).
 * The HTML is sanitised on every render, because anyone with edit rights on the list can put
 * arbitrary HTML in the column through SharePoint itself. It uses the product's one allowed set
 * (sanitise.ts): DOMPurify's general HTML profile would keep forms and inline styles.
 */
import * as React from 'react';
import { sanitiseRichText } from './sanitise';

/** Props of `RichText`. */
export interface IRichTextProps {
  /** HTML as stored in the list. */
  html: string;
  /** Class name of the wrapper. */
  className?: string;
}

/** Renders sanitised HTML inside a div. */
export function RichText(props: IRichTextProps): JSX.Element {
  const clean = React.useMemo(() => sanitiseRichText(props.html), [props.html]);
  return <div className={props.className} dangerouslySetInnerHTML={{ __html: clean }} />;
}
