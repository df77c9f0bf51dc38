/**
 * Shows rich text written in the product's editors (and imported from the councils' reports).
 * The HTML is sanitised on every render (unless it is plain text or attribute-free formatting,
 * which cannot carry anything to sanitise), because anyone with edit rights on the list can put
 * arbitrary HTML in the column through SharePoint itself. It uses the product's one allowed set
 * (sanitise.ts): DOMPurify's general HTML profile would keep forms and inline styles.
 */
import * as React from 'react';
import { isSimpleRichText, sanitiseRichText } from './sanitise';

/** Props of `RichText`. */
export interface IRichTextProps {
  /** HTML as stored in the list. */
  html: string;
  /** Class name of the wrapper. */
  className?: string;
}

/** Renders sanitised HTML inside a div. */
export function RichText(props: IRichTextProps): JSX.Element {
  // Text that is plain or has only attribute-free formatting tags cannot carry script, so the
  // report's thousands of narratives skip DOMPurify; anything else goes through it.
  const clean = React.useMemo(() => (isSimpleRichText(props.html) ? props.html : sanitiseRichText(props.html)), [props.html]);
  return <div className={props.className} dangerouslySetInnerHTML={{ __html: clean }} />;
}
