/**
 * The 5×5 heat map: impact down (5 at the top), likelihood across, each cell a button with
 * the number of risks in it and its band in words (colour is never the only cue). Selecting
 * a cell filters the risk list; selecting it again clears the filter.
 */
import * as React from 'react';
import { hiddenContentStyle, ITheme, mergeStyles, mergeStyleSets, useTheme } from '@fluentui/react';
import * as strings from 'SsmStrings';
import type { RiskBand } from '../../../domain/scoring';
import { formatString } from '../../../components/format';
import type { MatrixCellKey, RiskMatrix } from '../riskMatrix';
import { scaleText, scaleWord } from '../riskScale';

const visuallyHidden = mergeStyles(hiddenContentStyle);

/** Band names in the user's language. */
export const BAND_LABELS: Record<RiskBand, string> = {
  Low: strings.BandLow,
  Medium: strings.BandMedium,
  High: strings.BandHigh,
  'Very high': strings.BandVeryHigh
};

/**
 * Background and text colour of a band from the theme's palette: green, yellow, orange and
 * dark red, the colours of the usual council risk matrix. Text is dark on the light
 * backgrounds and light on the dark ones in every theme (inverted themes swap black and white).
 */
export function bandColours(theme: ITheme, band: RiskBand): { background: string; color: string } {
  const dark = theme.isInverted ? theme.palette.white : theme.palette.black;
  const light = theme.isInverted ? theme.palette.black : theme.palette.white;
  switch (band) {
    case 'Low':
      return { background: theme.palette.green, color: light };
    case 'Medium':
      return { background: theme.palette.yellow, color: dark };
    case 'High':
      return { background: theme.palette.orangeLighter, color: dark };
    default:
      return { background: theme.palette.redDark, color: light };
  }
}

/** The accessible name of a cell: "Likelihood 4 Likely, impact 5 Catastrophic: 2 risks". */
export function cellLabel(likelihood: number, impact: number, count: number): string {
  const l = scaleText('likelihood', likelihood);
  const i = scaleText('impact', impact);
  return count === 1 ? formatString(strings.HeatMapCellOne, l, i) : formatString(strings.HeatMapCellMany, l, i, count);
}

/** Props of `HeatMap`. */
export interface IHeatMapProps {
  /** The bucketed risks. */
  matrix: RiskMatrix;
  /** The cell filtering the list, if any. */
  selected?: MatrixCellKey;
  /** Selects a cell (or clears the selection when the selected cell is chosen again). */
  onSelect: (cell: MatrixCellKey | undefined) => void;
  /** Id of the heading that names the heat map. */
  labelledBy: string;
}

/** The heat map grid. */
export function HeatMap(props: IHeatMapProps): JSX.Element {
  const { matrix, selected, onSelect, labelledBy } = props;
  const theme = useTheme();
  const classes = React.useMemo(
    () =>
      mergeStyleSets({
        grid: {
          display: 'grid',
          gridTemplateColumns: '56px repeat(5, minmax(56px, 88px))',
          gridTemplateRows: 'auto repeat(5, minmax(52px, auto)) auto auto',
          gap: 4,
          alignItems: 'stretch',
          color: theme.semanticColors.bodyText
        },
        axisLabel: { display: 'flex', alignItems: 'center', justifyContent: 'center', fontWeight: 600 },
        // The number and its word ("4", "Likely") stacked, so the grid stays narrow.
        axisScale: { display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center', lineHeight: '1.2' },
        axisWord: { fontWeight: 400, fontSize: 11, color: theme.semanticColors.bodySubtext },
        axisTitle: { display: 'flex', alignItems: 'center', justifyContent: 'center', fontWeight: 600, fontSize: 12, color: theme.semanticColors.bodySubtext },
        cell: {
          border: `1px solid ${theme.semanticColors.bodyBackground}`,
          borderRadius: 2,
          cursor: 'pointer',
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          justifyContent: 'center',
          padding: 2,
          fontFamily: 'inherit',
          selectors: {
            ':focus-visible': { outline: `3px solid ${theme.semanticColors.focusBorder}`, outlineOffset: 2 },
            ':hover': { filter: 'brightness(1.08)' }
          }
        },
        selected: { outline: `3px solid ${theme.semanticColors.bodyText}`, outlineOffset: 2 },
        count: { fontSize: 18, fontWeight: 700, lineHeight: '1.1' },
        band: { fontSize: 11 },
        caption: { color: theme.semanticColors.bodySubtext, fontSize: 12, marginTop: 4 }
      }),
    [theme]
  );

  return (
    <div role="group" aria-labelledby={labelledBy} data-testid="heat-map">
      <div className={classes.grid}>
        <div className={classes.axisTitle} aria-hidden="true">
          {strings.HeatMapImpactAxis}
        </div>
        <div style={{ gridColumn: '2 / span 5' }} aria-hidden="true" />
        {matrix.rows.map((row) => (
          <React.Fragment key={row[0].impact}>
            <div className={classes.axisLabel} aria-hidden="true">
              <span className={classes.axisScale}>
                {row[0].impact}
                <span className={classes.axisWord}>{scaleWord('impact', row[0].impact)}</span>
              </span>
            </div>
            {row.map((cell) => {
              const isSelected = selected?.likelihood === cell.likelihood && selected?.impact === cell.impact;
              const colours = bandColours(theme, cell.band);
              const label = cellLabel(cell.likelihood, cell.impact, cell.risks.length);
              return (
                <button
                  key={cell.likelihood}
                  type="button"
                  className={`${classes.cell} ${isSelected ? classes.selected : ''}`}
                  style={{ background: colours.background, color: colours.color }}
                  aria-pressed={isSelected}
                  title={`${label} (${BAND_LABELS[cell.band]}, ${cell.score})`}
                  data-likelihood={cell.likelihood}
                  data-impact={cell.impact}
                  data-band={cell.band}
                  onClick={() => onSelect(isSelected ? undefined : { likelihood: cell.likelihood, impact: cell.impact })}
                >
                  {/* The name is the full sentence (so it contains everything shown); the
                      count and band are what sighted users scan. */}
                  <span className={visuallyHidden}>{`${label}. ${BAND_LABELS[cell.band]}`}</span>
                  <span className={classes.count} aria-hidden="true">
                    {cell.risks.length}
                  </span>
                  <span className={classes.band} aria-hidden="true">
                    {BAND_LABELS[cell.band]}
                  </span>
                </button>
              );
            })}
          </React.Fragment>
        ))}
        <div aria-hidden="true" />
        {[1, 2, 3, 4, 5].map((l) => (
          <div key={l} className={classes.axisLabel} aria-hidden="true">
            <span className={classes.axisScale}>
              {l}
              <span className={classes.axisWord}>{scaleWord('likelihood', l)}</span>
            </span>
          </div>
        ))}
        <div aria-hidden="true" />
        <div className={classes.axisTitle} style={{ gridColumn: '2 / span 5' }} aria-hidden="true">
          {strings.HeatMapLikelihoodAxis}
        </div>
      </div>
      <p className={classes.caption}>{strings.HeatMapCaption}</p>
    </div>
  );
}
