/**
 * A box that scrolls sideways on its own when its content (a wide table) is wider than the
 * space given, so the page itself never scrolls sideways on a phone or in a Teams tab. While it
 * scrolls it is a named, focusable region, so keyboard users can scroll it too (WCAG 2.1.1;
 * axe rule scrollable-region-focusable); while everything fits it adds no tab stop.
 */
import * as React from 'react';
import { mergeStyles, useTheme } from '@fluentui/react';

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
  const theme = useTheme();
  // Shadows at the edges that have more to scroll to (they scroll with the content and are
  // covered by the page colour at the ends), so a phone user sees the table goes on.
  const shadows = React.useMemo(() => {
    const bg = theme.semanticColors.bodyBackground;
    return mergeStyles({
      background: [
        `linear-gradient(to right, ${bg} 30%, transparent) left center / 40px 100% no-repeat local`,
        `linear-gradient(to left, ${bg} 30%, transparent) right center / 40px 100% no-repeat local`,
        'radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, 0.25), transparent) left center / 12px 100% no-repeat scroll',
        'radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, 0.25), transparent) right center / 12px 100% no-repeat scroll'
      ].join(', ')
    });
  }, [theme]);
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
      className={[box, scrolls ? shadows : undefined, props.className].filter(Boolean).join(' ')}
      data-scroll-box={scrolls ? 'scrolls' : 'fits'}
      {...(scrolls ? { role: 'region', 'aria-label': props.label, tabIndex: 0 } : {})}
    >
      {props.children}
    </div>
  );
}
