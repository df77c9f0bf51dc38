/**
 * A box that scrolls sideways on its own when its content (a wide table) is wider than the
 * space given, so the page itself never scrolls sideways on a phone or in a Teams tab. While it
 * scrolls it is a named, focusable region, so keyboard users can scroll it too (WCAG 2.1.1;
 * axe rule scrollable-region-focusable); while everything fits it adds no tab stop.
 */
import * as React from 'react';
import { mergeStyles } from '@fluentui/react';

const box: string = mergeStyles({
  maxWidth: '100%',
  minWidth: 0,
  overflowX: 'auto',
  overflowY: 'hidden',
  // On paper nothing is cut off by a scroll box.
  selectors: { '@media print': { overflowX: 'visible', overflowY: 'visible' } }
});

/** Props of `ScrollBox`. */
export interface IScrollBoxProps {
  /** What the region is called while it scrolls (e.g. the table's caption). */
  label: string;
  /** Extra class (e.g. spacing). */
  className?: string;
  children?: React.ReactNode;
}

/** Wraps wide content in a sideways-scrolling box. */
export function ScrollBox(props: IScrollBoxProps): JSX.Element {
  const element = React.useRef<HTMLDivElement | null>(null);
  const [scrolls, setScrolls] = React.useState(false);
  React.useEffect(() => {
    const el = element.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const check = (): void => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    // The content grows too (a long table renders a step at a time).
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={element}
      className={props.className ? `${box} ${props.className}` : box}
      data-scroll-box={scrolls ? 'scrolls' : 'fits'}
      {...(scrolls ? { role: 'region', 'aria-label': props.label, tabIndex: 0 } : {})}
    >
      {props.children}
    </div>
  );
}
