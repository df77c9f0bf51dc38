/**
 * Renders a committee report model: the same object the Word export and a published snapshot
 * hold, so what the tab shows, what is downloaded and what is published always agree. It reads
 * nothing but the model (a published report must show the data as it was).
 */
import * as React from 'react';
import { DefaultButton, Icon, mergeStyleSets, Text, useTheme } from '@fluentui/react';
import * as strings from 'SsmStrings';
import type { MeasureRow, RealisedBasis, ReportModel, ReportedStateRow, RiskRow, ServiceSection, StatusChangeRow, TrendRow } from '../../../domain/report/model';
import { shortPeriodLabel } from '../../../domain/report/build';
import { OBJECTIVE_RAGS, OBJECTIVE_STATUSES, ObjectiveRag, ObjectiveStatus, RAG_RATINGS } from '../../../domain/vocabularies';
import { DataTable, IDataTableColumn, IDataTableProps } from '../../../components/DataTable';
import { RagBadge } from '../../../components/RagBadge';
import { RichText } from '../../../components/RichText';
import { formatCount, formatDate, formatPounds, formatString } from '../../../components/format';
import { usePrinting } from '../../../components/responsive';
import { REPORT_FIRST_ROWS } from '../reportOptions';


/** How "realised this period" was decided, said beside the benefits (a new basis fails to compile until it has its text). */
const BASIS_TEXT: Readonly<Record<RealisedBasis, string>> = {
  history: strings.ReportBasisHistory,
  snapshot: strings.ReportBasisSnapshot,
  modified: strings.ReportBasisModified
};
/** Props of `ReportView`. */
export interface IReportViewProps {
  /** The report to show. */
  model: ReportModel;
  /** Compact layout (Teams tab): tighter spacing and smaller headings. */
  compact?: boolean;
  /**
   * The progress updates of the objectives beyond each table's first rows are still being read:
   * those rows are not shown (nor printed) until they are.
   */
  restPending?: boolean;
}

type Classes = ReturnType<typeof useClasses>;

function useClasses(compact: boolean): { [key in 'section' | 'service' | 'sub' | 'muted' | 'rich' | 'state' | 'counts' | 'countTable' | 'updateLine']: string } {
  const theme = useTheme();
  return React.useMemo(
    () =>
      mergeStyleSets({
        section: { margin: compact ? '8px 0' : '16px 0' },
        service: {
          marginTop: compact ? 12 : 24,
          paddingTop: compact ? 8 : 12,
          borderTop: `1px solid ${theme.palette.neutralTertiaryAlt}`
        },
        sub: { marginTop: compact ? 8 : 16 },
        muted: { color: theme.palette.neutralSecondary },
        rich: { selectors: { p: { margin: '0 0 6px' }, ul: { margin: '0 0 6px', paddingLeft: 20 }, ol: { margin: '0 0 6px', paddingLeft: 20 } } },
        state: { whiteSpace: 'nowrap' },
        // Status and RAG counts side by side where there is room, one above the other on a phone.
        counts: { display: 'flex', flexWrap: 'wrap', gap: compact ? 12 : 24, alignItems: 'flex-start' },
        countTable: { flex: '1 1 240px', minWidth: 0, maxWidth: 420 },
        // What a small muted Text looks like, as one class: every objective's row has this line.
        updateLine: [
          theme.fonts.small,
          { display: 'block', color: theme.palette.neutralSecondary, WebkitFontSmoothing: theme.fonts.small.WebkitFontSmoothing, MozOsxFontSmoothing: theme.fonts.small.MozOsxFontSmoothing }
        ]
      }),
    [theme, compact]
  );
}

/** "2 March 2022", falling back to the raw value rather than hiding a malformed date. */
function date(iso: string | undefined): string {
  return (iso && formatDate(iso)) || iso || strings.NotSet;
}

export { REPORT_FIRST_ROWS };

/**
 * A table of a long list that shows its first rows and a button naming how many there are in all.
 * Printing shows every row (the print stylesheet prints the screen); the Word paper is built from
 * the model, so it never depended on what the screen shows.
 */
function LongTable<T>(props: IDataTableProps<T> & { showAllText: string; restPending?: boolean }): JSX.Element {
  const { items, showAllText, restPending, ...table } = props;
  const [all, setAll] = React.useState(false);
  const printing = usePrinting();
  const short = items.length <= REPORT_FIRST_ROWS;
  const whole = short || (!restPending && (all || printing));
  const shown = React.useMemo(() => (whole ? items : items.slice(0, REPORT_FIRST_ROWS)), [whole, items]);
  return (
    <>
      <DataTable<T> {...table} items={shown} />
      {!whole &&
        (restPending ? (
          // A line of text, not a spinner: the rows above are the report, complete; this says what is still on its way.
          <Text block={true} as="p" variant="small" role="status" styles={{ root: { marginTop: 8 } }}>
            {formatCount(items.length - REPORT_FIRST_ROWS, strings.ReportRestLoadingOne, strings.ReportRestLoading)}
          </Text>
        ) : (
          <DefaultButton styles={{ root: { marginTop: 8 } }} text={formatString(showAllText, items.length)} onClick={() => setAll(true)} />
        ))}
    </>
  );
}

function State(props: { state: ReportedStateRow; classes: Classes }): JSX.Element {
  return (
    <span className={props.classes.state}>
      {props.state.status} <RagBadge rag={props.state.rag} />
    </span>
  );
}

const MOVEMENT: Record<RiskRow['change'], string> = {
  up: strings.ReportMovementUp,
  down: strings.ReportMovementDown,
  same: strings.ReportMovementSame,
  new: strings.ReportMovementNew
};

const TREND: Record<NonNullable<MeasureRow['trend']>, string> = {
  improved: strings.ReportTrendImproved,
  worsened: strings.ReportTrendWorsened,
  same: strings.ReportTrendSame,
  new: strings.ReportTrendNew
};

function measureValue(value: number | undefined, unit: string): string {
  if (value === undefined) return strings.ReportNotReported;
  const n = value.toLocaleString('en-GB');
  if (unit === '£') return `£${n}`;
  if (unit === '%') return `${n}%`;
  return unit ? `${n} ${unit}` : n;
}

function riskColumns(withService: boolean): IDataTableColumn<RiskRow>[] {
  const columns: IDataTableColumn<RiskRow>[] = [{ key: 'title', header: strings.ReportColumnRisk, render: (r) => r.title }];
  if (withService) columns.push({ key: 'service', header: strings.ReportColumnRiskService, render: (r) => r.serviceName ?? strings.ProgrammeWide });
  columns.push(
    { key: 'owner', header: strings.ReportColumnOwner, render: (r) => r.owner ?? strings.NotSet },
    { key: 'residual', header: strings.ReportColumnResidual, render: (r) => formatString(strings.ReportScoreBand, r.residualScore, r.band) },
    { key: 'movement', header: strings.ReportColumnMovement, render: (r) => MOVEMENT[r.change] }
  );
  return columns;
}

function ChangesTable(props: { rows: readonly StatusChangeRow[]; caption: string; classes: Classes }): JSX.Element {
  if (props.rows.length === 0) return <Text block={true} as="p">{strings.ReportNoChanges}</Text>;
  return (
    <LongTable<StatusChangeRow>
      showAllText={strings.ReportShowAllChanges}
      caption={props.caption}
      items={props.rows}
      getKey={(c) => c.objectiveId}
      columns={[
        { key: 'objective', header: strings.ReportColumnObjective, render: (c) => c.title },
        {
          key: 'from',
          header: strings.ReportColumnFrom,
          render: (c) =>
            c.from ? (
              <>
                <State state={c.from} classes={props.classes} /> <span className={props.classes.muted}>{c.from.periodLabel}</span>
              </>
            ) : (
              strings.ReportFirstReported
            )
        },
        {
          key: 'to',
          header: strings.ReportColumnTo,
          render: (c) => (
            <>
              <State state={c.to} classes={props.classes} /> <span className={props.classes.muted}>{c.to.periodLabel}</span>
            </>
          )
        }
      ]}
    />
  );
}

function ServiceViewOf(props: { model: ReportModel; section: ServiceSection; classes: Classes; restPending?: boolean }): JSX.Element {
  const { model, section: s, classes, restPending } = props;
  const periodLabel = shortPeriodLabel(model.period);
  const realised = s.benefits.filter((b) => s.realisedThisPeriod.indexOf(b.id) >= 0);
  const annual = model.kind === 'annual';
  return (
    <section aria-label={s.name} className={classes.service}>
      <Text block={true} variant="large" as="h3">
        {s.name}
      </Text>
      <Text block={true} as="p" className={classes.muted}>
        {formatString(strings.ReportServiceDetails, s.phase, s.partnerCouncils.join(', '))}
        {s.serviceLead ? ` ${formatString(strings.ReportServiceLead, s.serviceLead)}` : ''}
      </Text>

      <div className={classes.sub}>
        <Text block={true} variant="mediumPlus" as="h4">
          {strings.ReportHighlightHeading}
        </Text>
        {!s.highlight ? (
          <Text block={true} as="p">{strings.HighlightsNone}</Text>
        ) : (
          <>
            <Text block={true} as="p" variant="smallPlus" className={classes.muted}>
              {formatString(strings.HighlightsMeeting, date(s.highlight.meetingDate))}
            </Text>
            <Text block={true} variant="medium" as="h5" styles={{ root: { fontWeight: 600 } }}>
              {strings.KeyPointsHeading}
            </Text>
            <RichText className={classes.rich} html={s.highlight.keyPoints} />
            <Text block={true} variant="medium" as="h5" styles={{ root: { fontWeight: 600 } }}>
              {strings.ActivityOverviewHeading}
            </Text>
            <RichText className={classes.rich} html={s.highlight.activityOverview} />
          </>
        )}
      </div>

      <div className={classes.sub}>
        <Text block={true} variant="mediumPlus" as="h4">
          {strings.ReportObjectivesHeading}
        </Text>
        {s.objectives.length === 0 ? (
          <Text block={true} as="p">{strings.ReportNoObjectives}</Text>
        ) : (
          <LongTable
            showAllText={strings.ReportShowAllObjectives}
            restPending={restPending}
            caption={formatString(strings.ReportObjectivesCaption, s.name)}
            items={s.objectives}
            getKey={(o) => o.id}
            columns={[
              { key: 'title', header: strings.ReportColumnObjective, render: (o) => o.title },
              { key: 'status', header: strings.ReportColumnStatus, render: (o) => o.status },
              { key: 'rag', header: strings.ColumnRag, render: (o) => (
                  <span className={classes.state}>
                    <RagBadge rag={o.rag} />
                  </span>
                )
              },
              {
                key: 'update',
                header: strings.ReportColumnUpdate,
                render: (o) =>
                  !o.update ? (
                    strings.ReportNoUpdate
                  ) : (
                    <>
                      <p className={classes.updateLine}>
                        {o.update.author
                          ? formatString(strings.ReportUpdateBy, o.update.periodLabel, o.update.author)
                          : formatString(strings.ReportUpdateOf, o.update.periodLabel)}
                        {o.updatedThisPeriod ? '' : ` \u2013 ${strings.ReportNotUpdatedThisPeriod}`}
                      </p>
                      <RichText className={classes.rich} html={o.update.narrative} />
                    </>
                  )
              }
            ]}
          />
        )}
      </div>

      <div className={classes.sub}>
        <Text block={true} variant="mediumPlus" as="h4">
          {annual ? strings.ReportYearChangesHeading : formatString(strings.ReportChangesHeading, shortPeriodLabel(model.previousPeriod))}
        </Text>
        <ChangesTable rows={annual ? s.yearChanges : s.statusChanges} caption={formatString(strings.ReportChangesCaption, s.name)} classes={classes} />
      </div>

      <div className={classes.sub}>
        <Text block={true} variant="mediumPlus" as="h4">
          {strings.ReportBenefitsHeading}
        </Text>
        <Text block={true} as="p" variant="small" className={classes.muted}>
          {BASIS_TEXT[model.realisedBasis]}{' '}
          {formatString(strings.ReportSavingsLine, formatPounds(s.savings.realised), formatPounds(s.savings.planned))}
        </Text>
        {realised.length === 0 ? (
          <Text block={true} as="p">{formatString(strings.ReportNoBenefitsRealised, periodLabel)}</Text>
        ) : (
          <DataTable
            caption={formatString(strings.ReportBenefitsCaption, s.name)}
            items={realised}
            getKey={(b) => b.id}
            columns={[
              { key: 'title', header: strings.ReportColumnBenefit, render: (b) => b.title },
              { key: 'category', header: strings.ReportColumnCategory, render: (b) => b.category },
              { key: 'realised', header: strings.ReportColumnRealised, render: (b) => <RichText className={classes.rich} html={b.realised} /> }
            ]}
          />
        )}
      </div>

      <div className={classes.sub}>
        <Text block={true} variant="mediumPlus" as="h4">
          {strings.ReportRisksHeading}
        </Text>
        {s.risks.length === 0 ? (
          <Text block={true} as="p">{strings.ReportNoRisks}</Text>
        ) : (
          <DataTable caption={formatString(strings.ReportRisksCaption, s.name)} items={s.risks} getKey={(r) => r.id} columns={riskColumns(false)} />
        )}
      </div>

      <div className={classes.sub}>
        <Text block={true} variant="mediumPlus" as="h4">
          {strings.ReportMeasuresHeading}
        </Text>
        {s.measures.length === 0 ? (
          <Text block={true} as="p">{strings.ReportNoMeasures}</Text>
        ) : (
          <DataTable
            caption={formatString(strings.ReportMeasuresCaption, s.name)}
            items={s.measures}
            getKey={(m) => m.id}
            columns={[
              { key: 'title', header: strings.ReportColumnMeasure, render: (m) => m.title },
              { key: 'target', header: strings.ReportColumnTarget, render: (m) => measureValue(m.target, m.unit) },
              { key: 'actual', header: strings.ReportColumnActual, render: (m) => measureValue(m.actual, m.unit) },
              {
                key: 'against',
                header: strings.ReportColumnAgainstTarget,
                render: (m) =>
                  m.onTarget === undefined ? (
                    strings.ReportNotReported
                  ) : (
                    // An icon and the words: colour is never the only cue.
                    <span className={classes.state}>
                      <Icon iconName={m.onTarget ? 'CheckMark' : 'Warning'} aria-hidden={true} />{' '}
                      {m.onTarget ? strings.ReportOnTarget : strings.ReportOffTarget}
                    </span>
                  )
              },
              { key: 'trend', header: strings.ReportColumnTrend, render: (m) => (m.trend ? TREND[m.trend] : strings.ReportNotReported) }
            ]}
          />
        )}
      </div>

      <div className={classes.sub}>
        <Text block={true} variant="mediumPlus" as="h4">
          {strings.ReportStaffHeading}
        </Text>
        {!s.staffSurvey ? (
          <Text block={true} as="p">{strings.ReportNoStaffSurvey}</Text>
        ) : (
          <>
            <Text block={true} as="p">
              {formatString(
                strings.ReportStaffLine,
                s.staffSurvey.periodLabel,
                s.staffSurvey.satisfiedPercent,
                s.staffSurvey.responses,
                s.staffSurvey.surveyed
              )}
            </Text>
            {s.staffSurvey.themes && <RichText className={classes.rich} html={s.staffSurvey.themes} />}
          </>
        )}
      </div>
    </section>
  );
}

// A service's section is not rendered again when something else on the page changes (a message, a button's state).
const ServiceView = React.memo(ServiceViewOf);

/**
 * Objectives of the report by RAG rating: the same objectives the status counts count. The model
 * carries them; snapshots published before it did are counted from their sections.
 */
export function ragCounts(model: ReportModel): Array<{ rag: ObjectiveRag; count: number }> {
  const stored = model.objectiveRagCounts;
  if (stored) return OBJECTIVE_RAGS.map((rag) => ({ rag, count: stored[rag] ?? 0 }));
  const counts = new Map<ObjectiveRag, number>(OBJECTIVE_RAGS.map((r) => [r, 0]));
  for (const section of model.services) for (const o of section.objectives) counts.set(o.rag, (counts.get(o.rag) ?? 0) + 1);
  return OBJECTIVE_RAGS.map((rag) => ({ rag, count: counts.get(rag) ?? 0 }));
}

/** Objectives by reported RAG and status in each of the last four quarters, oldest first. */
function Trend(props: { rows: readonly TrendRow[]; classes: Classes }): JSX.Element {
  const columns: IDataTableColumn<TrendRow>[] = [
    { key: 'quarter', header: strings.ReportColumnQuarter, render: (r) => shortPeriodLabel(r.period) },
    ...RAG_RATINGS.map((rag): IDataTableColumn<TrendRow> => ({ key: `rag-${rag}`, header: rag, render: (r) => r.ragCounts[rag] ?? 0 })),
    ...OBJECTIVE_STATUSES.map((status): IDataTableColumn<TrendRow> => ({ key: `status-${status}`, header: status, render: (r) => r.statusCounts[status] ?? 0 })),
    { key: 'notReported', header: strings.ReportColumnNotReported, render: (r) => r.notReported }
  ];
  return (
    <div className={props.classes.sub}>
      <Text block={true} variant="mediumPlus" as="h4">
        {strings.ReportTrendHeading}
      </Text>
      <DataTable caption={strings.ReportTrendHeading} items={props.rows} getKey={(r) => r.period.id} columns={columns} />
    </div>
  );
}

/** The programme summary: objectives by status and by RAG, savings and the top risks across the scope. */
function Summary(props: { model: ReportModel; classes: Classes }): JSX.Element {
  const { model, classes } = props;
  const counts = OBJECTIVE_STATUSES.map((status: ObjectiveStatus) => ({ status, count: model.objectiveStatusCounts[status] ?? 0 }));
  const rags = ragCounts(model);
  const allServices = model.scope.serviceId === undefined;
  return (
    <section aria-label={strings.ReportSummaryHeading} className={classes.section}>
      <Text block={true} variant="large" as="h3">
        {strings.ReportSummaryHeading}
      </Text>
      <Text block={true} as="p">{formatString(strings.ReportSavingsLine, formatPounds(model.savings.realised), formatPounds(model.savings.planned))}</Text>
      <div className={classes.counts}>
        <div className={classes.countTable}>
          <DataTable
            caption={strings.ReportStatusCountsCaption}
            items={counts}
            getKey={(c) => c.status}
            columns={[
              { key: 'status', header: strings.ReportColumnStatus, render: (c) => c.status },
              { key: 'count', header: strings.ReportColumnCount, render: (c) => c.count }
            ]}
          />
        </div>
        <div className={classes.countTable}>
          <DataTable
            caption={strings.ReportRagCountsCaption}
            items={rags}
            getKey={(c) => c.rag}
            columns={[
              { key: 'rag', header: strings.ColumnRag, render: (c) => <RagBadge rag={c.rag} /> },
              { key: 'count', header: strings.ReportColumnCount, render: (c) => c.count }
            ]}
          />
        </div>
      </div>
      {model.trend && model.trend.length > 0 && <Trend rows={model.trend} classes={classes} />}
      {allServices && (
        <div className={classes.sub}>
          <Text block={true} variant="mediumPlus" as="h4">
            {strings.ReportProgrammeRisksHeading}
          </Text>
          {model.topRisks.length === 0 ? (
            <Text block={true} as="p">{strings.ReportNoRisks}</Text>
          ) : (
            <DataTable caption={strings.ReportProgrammeRisksHeading} items={model.topRisks} getKey={(r) => r.id} columns={riskColumns(true)} />
          )}
        </div>
      )}
    </section>
  );
}

/** The year's successes, best practice shared between the councils and lessons learned (the annual review's own sections). */
function AnnualReview(props: { model: ReportModel; classes: Classes }): JSX.Element {
  const { model, classes } = props;
  const successes = model.services.flatMap((s) => (s.successes ?? []).map((x) => ({ ...x, serviceName: s.name })));
  const practice = model.bestPractice ?? [];
  const lessons = model.lessonsLearned ?? [];
  const budget = model.budget;
  return (
    <>
      <section aria-label={strings.ReportBudgetHeading} className={classes.section}>
        <Text block={true} variant="large" as="h3">
          {strings.ReportBudgetHeading}
        </Text>
        {!budget ? (
          <Text block={true} as="p" className={classes.muted}>
            {strings.ReportNoBudget}
          </Text>
        ) : (
          <>
            <Text block={true} as="p">
              {formatString(strings.ReportBudgetLine, formatPounds(budget.sharedBudget), formatPounds(budget.savingsApproved))}
            </Text>
            <DataTable
              caption={strings.ReportBudgetByCouncil}
              items={[...budget.byCouncil]}
              getKey={(c) => c.council}
              columns={[
                { key: 'council', header: strings.ReportColumnCouncil, render: (c) => c.council },
                { key: 'share', header: strings.ReportColumnBudgetShare, render: (c) => formatPounds(c.share) }
              ]}
            />
          </>
        )}
      </section>
      <section aria-label={strings.ReportSuccessesHeading} className={classes.section}>
        <Text block={true} variant="large" as="h3">
          {strings.ReportSuccessesHeading}
        </Text>
        {successes.length === 0 ? (
          <Text block={true} as="p" className={classes.muted}>
            {strings.ReportNoSuccesses}
          </Text>
        ) : (
          successes.map((x, i) => (
            <div key={i} className={classes.sub}>
              <Text block={true} variant="mediumPlus" as="h4">
                {x.title}
              </Text>
              <Text block={true} as="p" variant="small" className={classes.muted}>
                {[x.serviceName, x.category, x.councils.length > 0 ? x.councils.join(', ') : strings.AllPartnerCouncils, formatDate(x.achievedOn)].filter(Boolean).join(' · ')}
              </Text>
              <RichText html={x.achievement} className={classes.rich} />
            </div>
          ))
        )}
      </section>
      <section aria-label={strings.BestPracticeHeading} className={classes.section}>
        <Text block={true} variant="large" as="h3">
          {strings.BestPracticeHeading}
        </Text>
        {practice.length === 0 ? (
          <Text block={true} as="p" className={classes.muted}>
            {strings.ReportNoBestPractice}
          </Text>
        ) : (
          practice.map((p, i) => (
            <div key={i} className={classes.sub}>
              <Text block={true} variant="mediumPlus" as="h4">
                {p.title}
              </Text>
              <Text block={true} as="p" variant="small" className={classes.muted}>
                {formatString(strings.ReportBestPracticeFromTo, p.fromCouncil, p.toCouncil)}
                {p.serviceName ? ` · ${p.serviceName}` : ''}
              </Text>
              <RichText html={p.description} className={classes.rich} />
            </div>
          ))
        )}
      </section>
      <section aria-label={strings.LessonsHeading} className={classes.section}>
        <Text block={true} variant="large" as="h3">
          {strings.LessonsHeading}
        </Text>
        {lessons.length === 0 ? (
          <Text block={true} as="p" className={classes.muted}>
            {strings.ReportNoLessons}
          </Text>
        ) : (
          lessons.map((l, i) => (
            <div key={i} className={classes.sub}>
              <Text block={true} variant="mediumPlus" as="h4">
                {l.title}
              </Text>
              <Text block={true} as="p" variant="small" className={classes.muted}>
                {l.serviceName ? `${l.category} · ${l.serviceName}` : l.category}
              </Text>
              <RichText html={l.lesson} className={classes.rich} />
            </div>
          ))
        )}
      </section>
    </>
  );
}

/** The whole report: title, period, summary, then one section per service. */
export function ReportView(props: IReportViewProps): JSX.Element {
  const classes = useClasses(!!props.compact);
  const { model } = props;
  return (
    <article aria-label={model.title} data-report-kind={model.kind} data-period={model.period.id}>
      <Text block={true} variant={props.compact ? 'large' : 'xLarge'} as="h3">
        {model.title}
      </Text>
      <Text block={true} as="p" className={classes.muted}>
        {formatString(strings.ReportPeriodLine, model.period.label)}
      </Text>
      <Summary model={model} classes={classes} />
      {model.services.length === 0 ? (
        <Text block={true} as="p">{strings.ReportNoServices}</Text>
      ) : (
        model.services.map((s) => <ServiceView key={s.id} model={model} section={s} classes={classes} restPending={props.restPending} />)
      )}
      {model.kind === 'annual' && <AnnualReview model={model} classes={classes} />}
    </article>
  );
}
