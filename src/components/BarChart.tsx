/**
 * A small accessible horizontal bar chart in SVG, for comparing two or more series per
 * category (e.g. planned against realised savings per service). No charting library is
 * installed and one chart does not justify adding one. Colour is never the only cue: each
 * bar is labelled with its series name and value, and a data table carries the same figures
 * for screen readers (the drawing itself is one labelled image).
 */
import * as React from 'react';
import { getId, mergeStyleSets, useTheme } from '@fluentui/react';
import { useContainerWidth } from './responsive';

/** One series of the chart, e.g. "Planned". */
export interface IBarChartSeries {
  /** Stable key. */
  key: string;
  /** Name shown in the legend, in each bar's label and as the table's column heading. */
  label: string;
  /** Fill colour (take it from the theme palette). */
  colour: string;
}

/** One category (a group of bars), e.g. one service. */
export interface IBarChartGroup {
  /** Stable key. */
  key: string | number;
  /** Category label shown above its bars and as the table's row heading. */
  label: string;
  /** Value per series key. */
  values: Readonly<Record<string, number>>;
}

/** Props of `BarChart`. */
export interface IBarChartProps {
  /** Title of the chart, shown as the figure caption and used as the image's name. */
  title: string;
  /** Series, drawn in this order within each group. */
  series: readonly IBarChartSeries[];
  /** Groups, top to bottom. */
  groups: readonly IBarChartGroup[];
  /** Formats a value for labels and the table (e.g. pounds). */
  format: (value: number) => string;
  /** Heading of the table's first column (what the groups are, e.g. "Service"). */
  groupHeader: string;
}

/**
 * Geometry of the drawing, in SVG user units. The drawing is as wide as its box (within
 * `minWidth`–`maxWidth`), so on a phone its labels keep their size instead of shrinking with it.
 */
const LAYOUT = { width: 640, minWidth: 300, maxWidth: 760, labelHeight: 20, barHeight: 16, barGap: 4, groupGap: 14, valueSpace: 170, legendHeight: 28 } as const;

/** Renders the chart and its table alternative. */
export function BarChart(props: IBarChartProps): JSX.Element {
  const { title, series, groups, format, groupHeader } = props;
  const theme = useTheme();
  const titleId = React.useRef(getId('ssm-bar-chart')).current;
  const [figureRef, boxWidth] = useContainerWidth<HTMLElement>();
  const width = boxWidth ? Math.max(LAYOUT.minWidth, Math.min(LAYOUT.maxWidth, boxWidth)) : LAYOUT.width;
  const classes = React.useMemo(
    () =>
      mergeStyleSets({
        figure: { margin: 0, color: theme.semanticColors.bodyText },
        caption: { fontWeight: 600, marginBottom: 8 },
        svg: { width: '100%', maxWidth: LAYOUT.maxWidth, height: 'auto', display: 'block' },
        hidden: {
          position: 'absolute',
          width: 1,
          height: 1,
          overflow: 'hidden',
          clip: 'rect(0 0 0 0)',
          whiteSpace: 'nowrap'
        }
      }),
    [theme]
  );

  const max = Math.max(0, ...groups.map((g) => Math.max(0, ...series.map((s) => g.values[s.key] ?? 0))));
  const barArea = width - LAYOUT.valueSpace;
  const groupHeight = LAYOUT.labelHeight + series.length * (LAYOUT.barHeight + LAYOUT.barGap) + LAYOUT.groupGap;
  const height = LAYOUT.legendHeight + groups.length * groupHeight;
  const text = theme.semanticColors.bodyText;
  const subtle = theme.semanticColors.bodySubtext;

  return (
    <figure className={classes.figure} ref={figureRef}>
      <figcaption id={titleId} className={classes.caption}>
        {title}
      </figcaption>
      <svg
        className={classes.svg}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={titleId}
        data-testid="bar-chart"
        fontFamily={theme.fonts.medium.fontFamily}
      >
        <g aria-hidden="true">
          {series.map((s, i) => (
            <g key={s.key} transform={`translate(${i * 160}, 4)`}>
              <rect width={14} height={14} fill={s.colour} stroke={text} strokeWidth={0.5} />
              <text x={20} y={12} fontSize={13} fill={text}>
                {s.label}
              </text>
            </g>
          ))}
        </g>
        {groups.map((g, gi) => {
          const top = LAYOUT.legendHeight + gi * groupHeight;
          return (
            <g key={g.key} data-group={g.label} aria-hidden="true">
              <text x={0} y={top + 14} fontSize={13} fontWeight={600} fill={text}>
                {g.label}
              </text>
              {series.map((s, si) => {
                const value = g.values[s.key] ?? 0;
                const length = max > 0 ? Math.max(value > 0 ? 2 : 0, (value / max) * barArea) : 0;
                const y = top + LAYOUT.labelHeight + si * (LAYOUT.barHeight + LAYOUT.barGap);
                const label = `${s.label}: ${format(value)}`;
                return (
                  <g key={s.key} data-series={s.key} data-value={value}>
                    <rect x={0} y={y} width={length} height={LAYOUT.barHeight} fill={s.colour}>
                      <title>{label}</title>
                    </rect>
                    <text x={length + 6} y={y + LAYOUT.barHeight - 4} fontSize={12} fill={subtle}>
                      {label}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <table className={classes.hidden}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{groupHeader}</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row">{g.label}</th>
              {series.map((s) => (
                <td key={s.key}>{format(g.values[s.key] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
