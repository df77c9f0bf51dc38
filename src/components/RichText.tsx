/**
 * Shows rich text written in the product's editors (and imported from the councils' reports).
 * The HTML is sanitised on every render (unless it is plain text or attribute-free formatting,
 * which cannot carry anything to sanitise), because anyone with edit rights on the list can put
 * arbitrary HTML in the column through SharePoint itself. It uses the product's one allowed set
 * (sanitise.ts): DOMPurify's general HTML profile would keep forms and inline styles.
 */
import * as React from 'react';
import { isSimpleRichText, loadedSanitiser, loadSanitiser, richTextToPlain } from './richTextPlain';

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
  // report's thousands of narratives skip DOMPurify; anything else goes through it. DOMPurify is
  // loaded the first time such text is shown; until then the text shows as plain text.
  const simple = isSimpleRichText(props.html);
  const [, setLoaded] = React.useState(0);
  const [failure, setFailure] = React.useState<unknown>(undefined);
  const sanitiser = simple ? undefined : loadedSanitiser();
  React.useEffect(() => {
    if (simple || sanitiser) return undefined;
    let live = true;
    loadSanitiser().then(
      () => live && setLoaded((n) => n + 1),
      (error: unknown) => live && setFailure(error)
    );
    return () => {
      live = false;
    };
  }, [simple, sanitiser]);
  const clean = React.useMemo(() => (simple ? props.html : sanitiser ? sanitiser(props.html) : undefined), [simple, sanitiser, props.html]);
  // The sanitiser's code could not be loaded: the error boundary around the web part says so.
  if (failure) throw failure;
  if (clean === undefined) return <div className={props.className}>{richTextToPlain(props.html)}</div>;
  return <div className={props.className} dangerouslySetInnerHTML={{ __html: clean }} />;
}
