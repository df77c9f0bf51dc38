/**
 * The savings totals of the benefits shown: a chart of realised against planned savings by
 * service, then per council across services, and per service and council, each with the
 * overall total. These are the figures the councils could not evidence before.
 */
import * as React from 'react';
import { Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { chartServices, SavingsSummary as Summary } from '../../../domain/benefits';
import { BarChart, IBarChartGroup, IBarChartSeries } from '../../../components/BarChart';
import { formatPounds } from '../../../components/format';
import { ScrollBox } from '../../../components/ScrollBox';

/** Props of `SavingsSummary`. */
export interface ISavingsSummaryProps {
  /** Totals of the benefits shown. */
  summary: Summary;
}

/** Chart and totals tables. */
export function SavingsSummary(props: ISavingsSummaryProps): JSX.Element {
  const { summary } = props;
  const theme = useTheme();
  const classes = React.useMemo(
    () =>
      mergeStyleSets({
        table: { borderCollapse: 'collapse', color: theme.semanticColors.bodyText, minWidth: 0 },
        caption: { textAlign: 'left', fontWeight: 600, padding: '4px 0 8px' },
        th: { textAlign: 'left', fontWeight: 600, padding: '4px 8px', borderBottom: `2px solid ${theme.palette.neutralTertiaryAlt}` },
        num: { textAlign: 'right', padding: '4px 8px', whiteSpace: 'nowrap', borderBottom: `1px solid ${theme.palette.neutralLight}` },
        td: { textAlign: 'left', padding: '4px 8px', borderBottom: `1px solid ${theme.palette.neutralLight}` },
        total: { fontWeight: 600, borderTop: `2px solid ${theme.palette.neutralTertiaryAlt}` }
      }),
    [theme]
  );

  const services = chartServices(summary);
  if (services.length === 0 && summary.overall.planned === 0 && summary.overall.realised === 0) {
    return <Text as="p">{strings.SavingsNone}</Text>;
  }
  const series: IBarChartSeries[] = [
    // Planned in a neutral, realised in the theme colour: both keep 3:1 against the page in every theme.
    { key: 'planned', label: strings.ChartPlanned, colour: theme.palette.neutralSecondary },
    { key: 'realised', label: strings.ChartRealised, colour: theme.palette.themePrimary }
  ];
  const groups: IBarChartGroup[] = services.map((s) => ({
    key: s.serviceId,
    label: s.serviceName,
    values: { planned: s.planned, realised: s.realised }
  }));

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <BarChart title={strings.ChartTitle} series={series} groups={groups} format={formatPounds} groupHeader={strings.ColumnService} />
      <Stack horizontal wrap verticalAlign="start" tokens={{ childrenGap: 24 }}>
        <ScrollBox label={strings.SavingsByCouncilCaption}>
          <table className={classes.table} data-testid="savings-by-council">
            <caption className={classes.caption}>{strings.SavingsByCouncilCaption}</caption>
            <thead>
              <tr>
                <th scope="col" className={classes.th}>
                  {strings.ColumnCouncil}
                </th>
                <th scope="col" className={classes.th}>
                  {strings.ColumnPlanned}
                </th>
                <th scope="col" className={classes.th}>
                  {strings.ColumnRealised}
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.byCouncil
                .filter((c) => c.planned > 0 || c.realised > 0)
                .map((c) => (
                  <tr key={c.council}>
                    <th scope="row" className={classes.td}>
                      {c.council}
                    </th>
                    <td className={classes.num}>{formatPounds(c.planned)}</td>
                    <td className={classes.num}>{formatPounds(c.realised)}</td>
                  </tr>
                ))}
              <tr className={classes.total}>
                <th scope="row" className={`${classes.td} ${classes.total}`}>
                  {strings.TotalAllCouncils}
                </th>
                <td className={`${classes.num} ${classes.total}`}>{formatPounds(summary.overall.planned)}</td>
                <td className={`${classes.num} ${classes.total}`}>{formatPounds(summary.overall.realised)}</td>
              </tr>
            </tbody>
          </table>
        </ScrollBox>
        <ScrollBox label={strings.SavingsByServiceCaption}>
          <table className={classes.table} data-testid="savings-by-service">
            <caption className={classes.caption}>{strings.SavingsByServiceCaption}</caption>
            <thead>
              <tr>
                <th scope="col" className={classes.th}>
                  {strings.ColumnService}
                </th>
                <th scope="col" className={classes.th}>
                  {strings.ColumnCouncil}
                </th>
                <th scope="col" className={classes.th}>
                  {strings.ColumnPlanned}
                </th>
                <th scope="col" className={classes.th}>
                  {strings.ColumnRealised}
                </th>
              </tr>
            </thead>
            <tbody>
              {services.map((s) => (
                <React.Fragment key={s.serviceId}>
                  {s.byCouncil.map((c, i) => (
                    <tr key={c.council}>
                      {i === 0 && (
                        <th scope="rowgroup" rowSpan={s.byCouncil.length + 1} className={classes.td} style={{ verticalAlign: 'top' }}>
                          {s.serviceName}
                        </th>
                      )}
                      <td className={classes.td}>{c.council}</td>
                      <td className={classes.num}>{formatPounds(c.planned)}</td>
                      <td className={classes.num}>{formatPounds(c.realised)}</td>
                    </tr>
                  ))}
                  <tr data-service-total={s.serviceName}>
                    <td className={`${classes.td} ${classes.total}`}>{strings.TotalAllCouncils}</td>
                    <td className={`${classes.num} ${classes.total}`}>{formatPounds(s.planned)}</td>
                    <td className={`${classes.num} ${classes.total}`}>{formatPounds(s.realised)}</td>
                  </tr>
                </React.Fragment>
              ))}
              <tr>
                <th scope="row" colSpan={2} className={`${classes.td} ${classes.total}`}>
                  {strings.TotalOverall}
                </th>
                <td className={`${classes.num} ${classes.total}`}>{formatPounds(summary.overall.planned)}</td>
                <td className={`${classes.num} ${classes.total}`}>{formatPounds(summary.overall.realised)}</td>
              </tr>
            </tbody>
          </table>
        </ScrollBox>
      </Stack>
    </Stack>
  );
}
