/**
 * Layout by the width a web part is given, not the window's: a SharePoint page puts a web part
 * in a full-width, two-thirds or one-third column, and a Teams tab on a phone is 390px wide.
 * Grids switch to stacked cards when their columns would not fit (a grid wider than its box
 * makes the whole page scroll sideways on a phone); printing switches to the full, unvirtualised
 * layout, so every row is on paper.
 */
import * as React from 'react';
import type { IColumn } from '@fluentui/react';

/** Below this width (px) a grid is always shown as cards: a phone, or a one-third column. */
export const CARD_BREAKPOINT = 640;

/** Horizontal padding Fluent's DetailsList adds to every column (cellLeftPadding 12 + cellRightPadding 8). */
const CELL_PADDING = 20;

/**
 * The narrowest width (px) at which `columns` fit side by side (their minimum widths plus
 * Fluent's cell padding), plus `extra` (e.g. the expand column of a grouped grid).
 */
export function gridMinWidth(columns: readonly IColumn[], extra: number = 0): number {
  return columns.reduce((sum, c) => sum + (c.minWidth ?? 0) + CELL_PADDING, extra);
}

/** Whether a box `width` px wide should show cards rather than a grid needing `minWidth` px; unknown width keeps the grid. */
export function showsCards(width: number | undefined, minWidth: number): boolean {
  if (width === undefined || width <= 0) return false;
  return width < CARD_BREAKPOINT || width < minWidth;
}

/**
 * The content-box width of the element the returned ref is attached to, following resizes.
 * `undefined` until measured, and where ResizeObserver does not exist (server or test DOM):
 * callers then keep their wide layout.
 */
export function useContainerWidth<E extends HTMLElement = HTMLDivElement>(): [React.RefCallback<E>, number | undefined] {
  const [width, setWidth] = React.useState<number | undefined>(undefined);
  const observer = React.useRef<ResizeObserver | undefined>(undefined);
  const ref = React.useCallback((element: E | null) => {
    observer.current?.disconnect();
    observer.current = undefined;
    if (!element || typeof ResizeObserver === 'undefined') return;
    // Rounded, so sub-pixel changes do not re-render.
    const measure = (w: number): void => setWidth(Math.round(w));
    measure(element.getBoundingClientRect().width);
    observer.current = new ResizeObserver((entries) => {
      for (const entry of entries) measure(entry.contentRect.width);
    });
    observer.current.observe(element);
  }, []);
  React.useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, width];
}

/**
 * Whether the page is being printed (or shown with print styles). Lists render every row when
 * it is, because a virtualised grid prints only the rows scrolled into view.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = React.useState<boolean>(() => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('print').matches);
  React.useEffect(() => {
    if (typeof window === 'undefined') return undefined;
    const on = (): void => setPrinting(true);
    const off = (): void => setPrinting(false);
    // beforeprint/afterprint for the print dialog; the media query also for emulated print media.
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    const query = typeof window.matchMedia === 'function' ? window.matchMedia('print') : undefined;
    const onQuery = (event: MediaQueryListEvent): void => setPrinting(event.matches);
    query?.addEventListener?.('change', onQuery);
    return () => {
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
      query?.removeEventListener?.('change', onQuery);
    };
  }, []);
  return printing;
}
