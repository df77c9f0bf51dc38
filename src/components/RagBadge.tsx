/** A RAG rating shown as a coloured dot plus its word (colour is never the only cue). */
import * as React from 'react';
import { mergeStyles } from '@fluentui/react';
import * as strings from 'SsmStrings';
import type { Rag } from '../domain/vocabularies';
import { formatString } from './format';

// Accessible on white and on the Teams dark background alike.
const RAG_COLOURS: Record<Rag, string> = { Red: '#d13438', Amber: '#ffaa44', Green: '#107c10', 'Not rated': '#605e5c' };

/** Props of `RagBadge`. */
export interface IRagBadgeProps {
  /** The rating. */
  rag: Rag;
}

/** Coloured dot and the rating's word. */
export function RagBadge(props: IRagBadgeProps): JSX.Element {
  const dot = mergeStyles({
    display: 'inline-block',
    width: 10,
    height: 10,
    borderRadius: '50%',
    marginRight: 6,
    backgroundColor: RAG_COLOURS[props.rag] ?? 'transparent'
  });
  return (
    <span title={formatString(strings.RagLabel, props.rag)}>
      <span className={dot} aria-hidden="true" />
      {props.rag}
    </span>
  );
}
