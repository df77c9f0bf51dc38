/** A RAG rating shown as a coloured dot plus its word (colour is never the only cue). */
import * as React from 'react';
import { memoizeFunction, mergeStyles } from '@fluentui/react';
import * as strings from 'SsmStrings';
import type { Rag } from '../domain/vocabularies';
import { formatString } from './format';

// Accessible on white and on the Teams dark background alike; "Not rated" is a hollow grey ring.
const RAG_COLOURS: Record<Rag, string> = { Red: '#d13438', Amber: '#ffaa44', Green: '#107c10', 'Not rated': 'transparent' };

/** Props of `RagBadge`. */
export interface IRagBadgeProps {
  /** The rating, or "Not rated" for an objective before its first update. */
  rag: Rag;
}

/**
 * The dot's class of a rating, made once (a report shows thousands of badges); Fluent's memoiser
 * starts again when its stylesheet is reset, so a class never outlives its rule.
 */
const dotClass = memoizeFunction(
  (rag: Rag): string =>
    mergeStyles({
      display: 'inline-block',
      width: 10,
      height: 10,
      borderRadius: '50%',
      marginRight: 6,
      boxSizing: 'border-box',
      backgroundColor: RAG_COLOURS[rag] ?? 'transparent',
      border: rag === 'Not rated' ? '1px solid #8a8886' : undefined
    })
);

/** Coloured dot and the rating's word. */
export function RagBadge(props: IRagBadgeProps): JSX.Element {
  const dot = dotClass(props.rag);
  return (
    <span title={formatString(strings.RagLabel, props.rag)}>
      <span className={dot} aria-hidden="true" />
      {props.rag}
    </span>
  );
}
