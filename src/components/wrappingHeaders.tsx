/**
 * DetailsList column headers that wrap instead of being cut off with an ellipsis: the
 * councils' reports use long column headings ("When will the benefit be delivered?") that
 * users must be able to read in full. Fluent's header has a fixed 42px height by default.
 */
import * as React from 'react';
import { IColumn, IDetailsHeaderProps, IRenderFunction, mergeStyles } from '@fluentui/react';

const headerCell: string = mergeStyles({
  height: 'auto',
  minHeight: 42,
  verticalAlign: 'bottom',
  selectors: {
    '.ms-DetailsHeader-cellTitle': { height: 'auto', minHeight: 42, alignItems: 'flex-end' },
    '.ms-DetailsHeader-cellName': { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: '18px', padding: '6px 0' }
  }
});

/** The columns with a header class that lets their names wrap. */
export function withWrappingHeaders(columns: IColumn[]): IColumn[] {
  return columns.map((c) => ({ ...c, headerClassName: c.headerClassName ? `${c.headerClassName} ${headerCell}` : headerCell }));
}

/** `onRenderDetailsHeader` that lets the header row grow with its wrapped names. */
export const renderWrappingHeader: IRenderFunction<IDetailsHeaderProps> = (props, defaultRender) => {
  if (!props || !defaultRender) return <></>;
  // Fluent's header cell takes its height from the row (42px) because the tooltip host inside it
  // is absolutely positioned: a three-line name would be drawn over by the first row. In the flow,
  // the host gives the cell its name's height. Scoped under the header root, these rules win.
  return defaultRender({
    ...props,
    styles: {
      root: {
        height: 'auto',
        paddingTop: 0,
        lineHeight: 'normal',
        selectors: {
          '.ms-DetailsHeader-cell': { height: 'auto', minHeight: 42, verticalAlign: 'bottom' },
          // The cell's own padding (12px left, 8px right) is already inside the title: cancel it.
          '.ms-DetailsHeader-cell > span': { position: 'relative', height: 'auto', minHeight: 42, margin: '0 -8px 0 -12px' }
        }
      }
    }
  });
};
