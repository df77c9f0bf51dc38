/**
 * Word rendering of a committee report model with the `docx` library, in the shape of the
 * councils' own papers (monitoring report February 2022, framework report): title, purpose
 * and recommendations, a section per service with the objectives table (description, aim,
 * progress update, status), the benefits tracker by category, the risk summary and measures.
 * Runs in the browser ("Download for committee") and in Node (`npm run report`); the caller
 * packs the Document (Packer.toBlob or Packer.toBuffer). A4, UK English, real heading styles
 * and table header rows for screen readers.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType
} from 'docx';
import type { ISectionOptions } from 'docx';
import { financialYearLabel, shortPeriodLabel } from '../domain/report/build';
import type {
  BenefitRow,
  BudgetRow,
  MeasureRow,
  ObjectiveRow,
  ReportModel,
  RiskRow,
  SavingsTotals,
  ServiceSection,
  StatusChangeRow
} from '../domain/report/model';
import { BENEFIT_CATEGORIES, OBJECTIVE_STATUSES, ObjectiveRag, RAG_RATINGS } from '../domain/vocabularies';
import { completeSettings } from '../domain/report/settings';
import type { ReportSettings } from '../domain/report/settings';
import { lazyStrings } from '../loc/lazy';
import { formatCount, formatString } from '../components/format';
import { andList, longDate, measureValue, monthYear, pounds } from './format';
import { RICH_TEXT_NUMBERING, RichTextBlock, RichTextConverter } from './richText';
import { paperFigures } from './figures';
import { AccessibleTable } from './accessibleTable';
import type { Figure, FigureImages } from './figures';

/** What an empty section says, the same everywhere. */
const NOTHING = lazyStrings.PaperNothingRecorded;

/** What the renderer needs besides the model. */
export interface RenderOptions {
  /** Rich text to paragraphs (createRichTextConverter over the browser's or jsdom's window). */
  richText: RichTextConverter;
  /** Author recorded in the document properties; default the settings' author. */
  creator?: string;
  /** PNG bytes of the figures (see renderFigures); a figure without them is left out, its numbers stay in the text. */
  figures?: FigureImages;
}

/** Numbering reference of the report's numbered paragraphs (1., 2., ... as in committee papers). */
const PARAGRAPH_NUMBERING = 'ssm-paragraphs';

// A4 in twentieths of a point, with 2 cm margins.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;
const PORTRAIT_WIDTH = A4.width - 2 * MARGIN;
const LANDSCAPE_WIDTH = A4.height - 2 * MARGIN;

const FONT = 'Arial';
const BODY_SIZE = 22; // 11pt
const CELL_SIZE = 19; // 9.5pt: tables carry long narratives
const HEADER_FILL = 'D9E2F3';
/** Fill of a table's totals row. */
const TOTAL_FILL = 'F2F2F2';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

/** Light fills for RAG cells; the rating is always written out too, so colour is never the only cue. */
const RAG_FILL: Readonly<Record<ObjectiveRag, string | undefined>> = { Red: 'F4CCCC', Amber: 'FCE5CD', Green: 'D9EAD3', 'Not rated': undefined };

type Block = Paragraph | Table;

const text = (value: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun => new TextRun({ text: value, ...opts });

function para(value: string, opts: { bold?: boolean; italics?: boolean; size?: number; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [text(value, opts)], keepNext: opts.keepNext });
}

/** A numbered paragraph, continuing the report's paragraph numbers. */
function numbered(value: string | TextRun[]): Paragraph {
  return new Paragraph({
    children: typeof value === 'string' ? [text(value)] : value,
    numbering: { reference: PARAGRAPH_NUMBERING, level: 0 }
  });
}

function heading(value: string, level: 1 | 2 | 3 | 4): Paragraph {
  const h = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4;
  return new Paragraph({ text: value, heading: h, keepNext: true });
}

/**
 * A cell before its table knows the column widths: its content, its fill, and the plain text
 * the widths are measured from (rich text's words, without markup).
 */
interface CellSpec {
  readonly content: string | RichTextBlock[];
  readonly fill?: string;
  readonly measure: string;
  readonly bold?: boolean;
}

/** Plain text of rich text, for measuring. */
const plainOf = (html: string): string => html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&[a-z#0-9]+;/gi, 'x');

/** A cell of plain text (each line a paragraph), or of ready paragraphs measured by `measure`. */
function cell(content: string | RichTextBlock[], opts: { fill?: string; measure?: string; bold?: boolean } = {}): CellSpec {
  return { content, fill: opts.fill, measure: opts.measure ?? (typeof content === 'string' ? content : ''), bold: opts.bold };
}

/** Builds a docx cell at its column's width. */
function tableCell(content: string | RichTextBlock[], opts: { header?: boolean; fill?: string; width?: number } = {}): TableCell {
  const children =
    typeof content === 'string'
      ? content.split('\n').map((line) => new Paragraph({ children: [text(line, { bold: opts.header, size: CELL_SIZE })], keepNext: opts.header }))
      : content.length > 0
        ? content
        : [new Paragraph({ children: [text('', { size: CELL_SIZE })] })];
  const fill = opts.header ? HEADER_FILL : opts.fill;
  return new TableCell({
    children,
    shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    width: opts.width ? { size: opts.width, type: WidthType.DXA } : undefined
  });
}

// Average and widest glyph advance of Arial as a share of the font size, for measuring words.
const AVERAGE_EM = 0.56;
const BOLD_EM = 0.62;
/** Left and right cell margins plus a little slack, in twips. */
const CELL_PADDING = 260;

/** Twips a word needs at the cell size. */
function wordTwips(word: string, bold: boolean): number {
  // Half-points to points, then twentieths of a point.
  return Math.ceil(word.length * (bold ? BOLD_EM : AVERAGE_EM) * (CELL_SIZE / 2) * 20);
}

/**
 * Column widths from content: each column at least as wide as its longest word (header words
 * included, in bold), so Word and LibreOffice never break a word inside a cell; the rest of the
 * text width shared by the hints and by how much text each column holds.
 */
export function columnWidths(headers: readonly string[], rows: readonly CellSpec[][], hints: readonly number[], textWidth: number): number[] {
  const n = headers.length;
  const minimum = headers.map((h, j) => {
    let longest = 0;
    const words = (text: string, bold: boolean): void => {
      for (const w of text.split(/[\s/]+/)) longest = Math.max(longest, wordTwips(w, bold));
    };
    words(h, true);
    for (const r of rows) if (r[j]) words(r[j].measure, r[j].bold === true);
    return longest + CELL_PADDING;
  });
  const chars = headers.map((h, j) => rows.reduce((a, r) => a + (r[j]?.measure.length ?? 0), h.length));
  const totalChars = Math.max(1, chars.reduce((a, b) => a + b, 0));
  const totalHints = Math.max(0.0001, hints.reduce((a, b) => a + b, 0));
  const wanted = headers.map((_, j) => (0.5 * (hints[j] ?? 1)) / totalHints + (0.5 * chars[j]) / totalChars);
  const widths = wanted.map((w) => w * textWidth);
  // Raise columns below their minimum, taking the width from columns with room to spare.
  for (let pass = 0; pass < n; pass++) {
    const short = widths.reduce((a, w, j) => a + Math.max(0, minimum[j] - w), 0);
    if (short <= 0) break;
    const spare = widths.reduce((a, w, j) => a + Math.max(0, w - minimum[j]), 0);
    const take = Math.min(1, short / Math.max(1, spare));
    for (let j = 0; j < n; j++) widths[j] = widths[j] < minimum[j] ? minimum[j] : widths[j] - (widths[j] - minimum[j]) * take;
  }
  const out = widths.map((w) => Math.floor(w));
  out[n - 1] += textWidth - out.reduce((a, b) => a + b, 0);
  return out;
}

/**
 * A table with a real header row, repeated on each page and announced by screen readers, and
 * `caption` as its title (its description names the columns too). No row splits across a page:
 * a page never holds the tail of a row. `hints` are rough shares of the width; the widths
 * themselves come from the content (see columnWidths).
 */
function table(headers: readonly string[], rows: readonly CellSpec[][], hints: readonly number[], textWidth: number, caption: string): Table {
  const widths = columnWidths(headers, rows, hints, textWidth);
  const alt = { title: caption, description: formatString(lazyStrings.PaperTableDescription, caption, andList(headers)) };
  return new AccessibleTable({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => tableCell(h, { header: true, width: widths[i] })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => tableCell(c.content, { fill: c.fill, width: widths[i] })) }))
    ]
  }, alt);
}

/** A small gap after each top-level table: Word puts the next paragraph hard against it otherwise. */
function spaced(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    out.push(b);
    if (b instanceof Table) out.push(new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: '', size: 12 })] }));
  }
  return out;
}

/** Context shared by the section builders. */
interface Ctx {
  model: ReportModel;
  rich: RichTextConverter;
  /** Rich text in a table cell: smaller type; a table in it is titled after `about` (the item's title). */
  richCell(html: string, about: string): RichTextBlock[];
  /** The paper's settings. */
  settings: ReportSettings;
  /** Figures with their PNG bytes. */
  figures: ReadonlyMap<string, { figure: Figure; png: Uint8Array }>;
  /** Rich text as numbered paragraphs of the paper (1., 2., ...). */
  numberedRich(html: string): RichTextBlock[];
  /** Rich text in the body. */
  richBody(html: string, empty: string): RichTextBlock[];
}

const periodShort = (m: ReportModel): string => shortPeriodLabel(m.period);

function statusText(o: Pick<ObjectiveRow, 'status' | 'rag'>): string {
  return formatString(lazyStrings.PaperObjectiveStatus, o.status, o.rag);
}

function purpose(ctx: Ctx): Block[] {
  const m = ctx.model;
  const councils = andList(m.partnerCouncils);
  const services = m.scope.serviceId === undefined ? lazyStrings.PaperScopeAll : formatString(lazyStrings.PaperScopeService, m.scope.serviceName);
  const scope = councils ? formatString(lazyStrings.PaperScopeBetween, services, councils) : services;
  const sentences: Record<ReportModel['kind'], string> = {
    highlight: formatString(m.services.length > 1 ? lazyStrings.PaperPurposeHighlightServices : lazyStrings.PaperPurposeHighlight, scope, periodShort(m)),
    quarterly: formatString(lazyStrings.PaperPurposeQuarterly, scope, periodShort(m)),
    annual: formatString(lazyStrings.PaperPurposeAnnual, scope, financialYearLabel(m.period))
  };
  const recommendation: Record<ReportModel['kind'], string> = {
    highlight: lazyStrings.PaperRecommendationHighlight,
    quarterly: lazyStrings.PaperRecommendationQuarterly,
    annual: lazyStrings.PaperRecommendationAnnual
  };
  const n = m.narrative ?? {};
  // The clerk's text, when written, replaces the text the report writes itself.
  const own = (html: string | undefined, fallback: string): RichTextBlock[] => {
    const paras = html ? ctx.numberedRich(html) : [];
    return paras.length > 0 ? paras : [numbered(fallback)];
  };
  return [
    heading(lazyStrings.PaperHeadingPurpose, 1),
    ...own(n.purpose, sentences[m.kind]),
    heading(lazyStrings.PaperHeadingRecommendations, 1),
    ...own(n.recommendations, recommendation[m.kind]),
    heading(lazyStrings.PaperHeadingReasons, 1),
    ...own(n.reasons, formatString(lazyStrings.PaperReasonsDefault, ctx.settings.committeeName)),
    heading(lazyStrings.PaperHeadingBackground, 1),
    ...own(ctx.settings.background, lazyStrings.PaperBackgroundDefault)
  ];
}

/** A figure as a picture with its alt text, when its PNG was rendered. */
function figureBlock(ctx: Ctx, key: string): Block[] {
  const f = ctx.figures.get(key);
  if (!f) return [];
  // 16 cm at most across the portrait text width (docx sizes pictures in CSS pixels).
  const maxWidth = 600;
  const scale = Math.min(1, maxWidth / f.figure.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: f.png,
          transformation: { width: Math.round(f.figure.width * scale), height: Math.round(f.figure.height * scale) },
          altText: { name: f.figure.title, title: f.figure.title, description: f.figure.description }
        })
      ]
    })
  ];
}

/** A standard section of every paper: its heading and the settings' paragraphs, numbered. */
function standardSection(ctx: Ctx, title: string, html: string): Block[] {
  const paras = ctx.numberedRich(html);
  return [heading(title, 1), ...(paras.length > 0 ? paras : [numbered(lazyStrings.PaperNothingToReport)])];
}

/** The appendices of a kind, in order: letter and title. */
function appendicesOf(m: ReportModel): Array<{ letter: string; title: string }> {
  const titles: Record<ReportModel['kind'], string[]> = {
    highlight: [lazyStrings.PaperAppendixServiceUpdates],
    quarterly: [lazyStrings.PaperAppendixServicePerformance, lazyStrings.PaperAppendixBenefitsTracker],
    annual: [lazyStrings.PaperAppendixServicePerformanceYear, lazyStrings.PaperAppendixBenefitsTracker, lazyStrings.PaperAppendixBestPractice]
  };
  return titles[m.kind].map((title, i) => ({ letter: String.fromCharCode(65 + i), title }));
}

function closingSections(ctx: Ctx): Block[] {
  const s = ctx.settings;
  const appendices = appendicesOf(ctx.model);
  return [
    ...standardSection(ctx, lazyStrings.PaperHeadingClimate, s.climateChange),
    ...standardSection(ctx, lazyStrings.PaperHeadingRisk, s.risk),
    ...standardSection(ctx, lazyStrings.PaperHeadingFinanceOfficer, s.financeOfficerComments),
    ...standardSection(ctx, lazyStrings.PaperHeadingMonitoringOfficer, s.monitoringOfficerComments),
    heading(lazyStrings.PaperHeadingAppendices, 1),
    ...appendices.map((a) => para(formatString(lazyStrings.PaperAppendixLine, a.letter, a.title)))
  ];
}

/** How the paper decided which benefits were realised this period, said in the paper. */
function realisedBasisText(m: ReportModel): string {
  switch (m.realisedBasis) {
    case 'history':
      return formatString(lazyStrings.PaperRealisedBasisHistory, longDate(m.period.start), longDate(m.period.end));
    case 'snapshot':
      return lazyStrings.PaperRealisedBasisSnapshot;
    case 'modified':
      return lazyStrings.PaperRealisedBasisModified;
  }
}

function savingsTable(totals: SavingsTotals, textWidth: number, caption: string = lazyStrings.PaperSavingsCaption): Table {
  const rows = totals.byCouncil.map((c) => [cell(c.council), cell(pounds(c.planned)), cell(pounds(c.realised))]);
  rows.push([cell(lazyStrings.PaperTotal, { fill: TOTAL_FILL }), cell(pounds(totals.planned), { fill: TOTAL_FILL }), cell(pounds(totals.realised), { fill: TOTAL_FILL })]);
  return table([lazyStrings.PaperColumnCouncil, lazyStrings.PaperColumnSavingsPlanned, lazyStrings.PaperColumnSavingsRealised], rows, [3, 2, 2], textWidth, caption);
}

function summary(ctx: Ctx): Block[] {
  const m = ctx.model;
  const objectives = m.services.reduce((n, s) => n + s.objectives.length, 0);
  const counts = Object.entries(m.objectiveStatusCounts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => formatString(lazyStrings.PaperStatusCount, n, status.toLowerCase()));
  const changes = m.services.reduce((n, s) => n + s.statusChanges.length, 0);
  const realised = m.services.reduce((n, s) => n + s.realisedThisPeriod.length, 0);
  const blocks: Block[] = [heading(lazyStrings.PaperHeadingSummary, 1)];
  if (m.narrative?.summaryRemarks) blocks.push(...ctx.numberedRich(m.narrative.summaryRemarks));
  blocks.push(
    numbered(
      objectives === 0
        ? lazyStrings.PaperSummaryNoObjectives
        : formatString(
            objectives === 1 ? lazyStrings.PaperSummaryObjectivesOne : lazyStrings.PaperSummaryObjectivesMany,
            formatCount(objectives, lazyStrings.PaperObjectiveCountOne, lazyStrings.PaperObjectiveCountMany),
            formatCount(m.services.length, lazyStrings.PaperServiceCountOne, lazyStrings.PaperServiceCountMany),
            andList(counts)
          )
    )
  );
  blocks.push(
    numbered(
      changes === 0
        ? formatString(lazyStrings.PaperNoStatusChanges, shortPeriodLabel(m.previousPeriod))
        : formatCount(
            changes,
            lazyStrings.PaperSummaryChangesOne,
            m.services.length > 1 ? lazyStrings.PaperSummaryChangesManyServices : lazyStrings.PaperSummaryChangesMany,
            shortPeriodLabel(m.previousPeriod)
          )
    )
  );
  blocks.push(...figureBlock(ctx, 'objectiveStatus'));
  if (m.kind !== 'highlight') {
    if (objectives > 0) blocks.push(...trendBlock(m));
    blocks.push(
      numbered(
        [
          formatString(lazyStrings.PaperSummarySavings, pounds(m.savings.realised), pounds(m.savings.planned)),
          realised === 0 ? lazyStrings.PaperSummaryRealisedNone : formatCount(realised, lazyStrings.PaperSummaryRealisedOne, lazyStrings.PaperSummaryRealisedMany),
          realisedBasisText(m)
        ].join(' ')
      )
    );
    // The annual review's financial benefits section has the same table.
    if (m.savings.byCouncil.length > 0 && m.kind !== 'annual') blocks.push(savingsTable(m.savings, PORTRAIT_WIDTH));
  }
  return blocks;
}

/**
 * The objectives' RAG ratings and statuses at the end of each of the last four quarters, one
 * row a quarter: a compact table (counts in words, not a column per rating and status, which
 * would not fit a portrait page). Older snapshots have no trend and show none.
 */
function trendBlock(m: ReportModel): Block[] {
  const rows = m.trend ?? [];
  if (rows.length === 0) return [];
  const said = (counts: ReadonlyArray<readonly [string, number]>): string => {
    const parts = counts.filter(([, n]) => n > 0).map(([label, n]) => formatString(lazyStrings.PaperStatusCount, n, label.toLowerCase()));
    return parts.length > 0 ? andList(parts) : lazyStrings.PaperTrendNone;
  };
  const cells = rows.map((r) => [
    cell(shortPeriodLabel(r.period)),
    cell(said(RAG_RATINGS.map((rag) => [rag, r.ragCounts[rag] ?? 0] as const))),
    cell(said(OBJECTIVE_STATUSES.map((status) => [status, r.statusCounts[status] ?? 0] as const))),
    cell(String(r.notReported))
  ]);
  const headers = [lazyStrings.PaperColumnQuarter, lazyStrings.PaperColumnRagRating, lazyStrings.PaperColumnStatus, lazyStrings.PaperColumnNotReported];
  return [para(lazyStrings.PaperTrendIntro, { keepNext: true }), table(headers, cells, [1.4, 3.4, 4, 1.2], PORTRAIT_WIDTH, lazyStrings.PaperTrendCaption)];
}

function objectivesTable(ctx: Ctx, s: ServiceSection): Block[] {
  const m = ctx.model;
  if (s.objectives.length === 0) return [para(lazyStrings.PaperServiceNoObjectives)];
  const rows = s.objectives.map((o) => {
    const progress: RichTextBlock[] = o.update ? ctx.richCell(o.update.narrative, o.title) : [];
    if (!o.update) {
      progress.push(new Paragraph({ children: [text(lazyStrings.PaperNoProgressUpdate, { italics: true, size: CELL_SIZE })] }));
    } else if (!o.updatedThisPeriod) {
      progress.unshift(
        new Paragraph({ children: [text(formatString(lazyStrings.PaperLatestUpdateShown, periodShort(m), o.update.periodLabel), { italics: true, size: CELL_SIZE })] })
      );
    }
    if (o.actions && o.actions.length > 0) {
      // The action plan follows the narrative, one line per action, as the councils' papers list them.
      progress.push(new Paragraph({ children: [text(lazyStrings.PaperActionPlan, { bold: true, size: CELL_SIZE })] }));
      for (const a of o.actions) {
        const details = [a.timescale, a.owner, a.status].filter((d): d is string => !!d).join(', ');
        progress.push(new Paragraph({ children: [text(details ? formatString(lazyStrings.PaperActionLine, a.title, details) : a.title, { size: CELL_SIZE })] }));
      }
    }
    const titleParas = [new Paragraph({ children: [text(o.title, { bold: true, size: CELL_SIZE })] })];
    if (o.responsibleOfficer) titleParas.push(new Paragraph({ children: [text(formatString(lazyStrings.PaperResponsibleOfficer, o.responsibleOfficer), { size: CELL_SIZE })] }));
    if (o.targetDate) titleParas.push(new Paragraph({ children: [text(formatString(lazyStrings.PaperTargetDate, longDate(o.targetDate)), { size: CELL_SIZE })] }));
    const progressText = `${o.update ? plainOf(o.update.narrative) : ''} ${o.update?.periodLabel ?? ''} ${lazyStrings.PaperNoProgressUpdate}`;
    return [
      cell(titleParas, { measure: `${o.title} ${o.responsibleOfficer ?? ''} ${o.targetDate ? longDate(o.targetDate) : ''}`, bold: true }),
      cell(ctx.richCell(o.aim, o.title), { measure: plainOf(o.aim) }),
      cell(progress, { measure: progressText }),
      cell(statusText(o), { fill: RAG_FILL[o.rag] })
    ];
  });
  return [
    table(
      [lazyStrings.PaperColumnObjectiveDescription, lazyStrings.PaperColumnObjectiveAim, formatString(lazyStrings.PaperColumnProgressUpdate, periodShort(m)), lazyStrings.PaperColumnStatus],
      rows,
      [2.2, 3, 3.8, 1.3],
      PORTRAIT_WIDTH,
      formatString(lazyStrings.PaperObjectivesCaption, s.name)
    )
  ];
}

function stateText(state: StatusChangeRow['from'], since: string): string {
  if (!state) return lazyStrings.PaperNotReportedBefore;
  // An objective not updated in the previous quarter keeps the state of its latest update.
  return state.periodLabel !== since
    ? formatString(lazyStrings.PaperReportedStateLast, state.status, state.rag, state.periodLabel)
    : formatString(lazyStrings.PaperReportedState, state.status, state.rag);
}

function changesBlock(ctx: Ctx, s: ServiceSection, since: string, none: string): Block[] {
  const changes = s.statusChanges;
  if (changes.length === 0) return [para(none)];
  const rows = changes.map((c) => [cell(c.title), cell(stateText(c.from, since)), cell(formatString(lazyStrings.PaperReportedState, c.to.status, c.to.rag), { fill: RAG_FILL[c.to.rag] })]);
  return [
    table(
      [lazyStrings.PaperColumnObjective, formatString(lazyStrings.PaperColumnReportedAt, since), formatString(lazyStrings.PaperColumnReportedAt, periodShort(ctx.model))],
      rows,
      [4, 2.5, 2.5],
      PORTRAIT_WIDTH,
      formatString(lazyStrings.PaperChangesCaption, s.name)
    )
  ];
}

function measuresBlock(ctx: Ctx, s: ServiceSection): Block[] {
  const m = ctx.model;
  if (s.measures.length === 0) return [para(NOTHING)];
  const against = (r: MeasureRow): string => {
    if (r.onTarget === undefined) return lazyStrings.PaperMeasureNoActual;
    if (r.trend === 'improved') return r.onTarget ? lazyStrings.PaperMeasureOnTargetImproved : lazyStrings.PaperMeasureBelowTargetImproved;
    if (r.trend === 'worsened') return r.onTarget ? lazyStrings.PaperMeasureOnTargetWorsened : lazyStrings.PaperMeasureBelowTargetWorsened;
    return r.onTarget ? lazyStrings.PaperMeasureOnTarget : lazyStrings.PaperMeasureBelowTarget;
  };
  const caption = formatString(lazyStrings.PaperMeasuresCaption, s.name);
  const fill = (r: MeasureRow): string | undefined => (r.onTarget === undefined ? undefined : r.onTarget ? RAG_FILL.Green : RAG_FILL.Amber);
  if (m.kind === 'annual') {
    const quarters = s.measures[0].year.map((y) => y.periodId.replace(/^.*-(Q\d)$/, '$1'));
    const rows = s.measures.map((r) => [
      cell(`${r.title}\n${r.direction}`),
      cell(measureValue(r.target, r.unit)),
      ...r.year.map((y) => cell(measureValue(y.actual, r.unit))),
      cell(against(r), { fill: fill(r) })
    ]);
    const headers = [lazyStrings.PaperColumnMeasure, lazyStrings.PaperColumnTarget, ...quarters, formatString(lazyStrings.PaperColumnAgainstTargetAt, periodShort(m))];
    return [table(headers, rows, [3.4, 1.3, ...quarters.map(() => 1.1), 1.8], PORTRAIT_WIDTH, caption), ...measureComments(ctx, s)];
  }
  const rows = s.measures.map((r) => [
    cell(`${r.title}\n${r.direction}`),
    cell(measureValue(r.target, r.unit)),
    cell(measureValue(r.actual, r.unit)),
    cell(measureValue(r.previous, r.unit)),
    cell(against(r), { fill: fill(r) })
  ]);
  const headers = [lazyStrings.PaperColumnMeasure, lazyStrings.PaperColumnTarget, periodShort(m), shortPeriodLabel(m.previousPeriod), lazyStrings.PaperColumnAgainstTarget];
  return [table(headers, rows, [4, 1.5, 1.5, 1.5, 2], PORTRAIT_WIDTH, caption), ...measureComments(ctx, s)];
}

/** The officers' comments on the period's actuals, as entered with them. */
function measureComments(ctx: Ctx, s: ServiceSection): Block[] {
  const withComment = s.measures.filter((r) => r.comment && ctx.rich(r.comment).length > 0);
  if (withComment.length === 0) return [];
  const blocks: Block[] = [para(formatString(lazyStrings.PaperMeasureComments, periodShort(ctx.model)), { keepNext: true })];
  for (const r of withComment) blocks.push(para(r.title, { bold: true, keepNext: true }), ...ctx.rich(r.comment ?? ''));
  return blocks;
}

/** Staff satisfaction: the latest survey (staff are surveyed every other quarter). */
function staffSatisfaction(ctx: Ctx, s: ServiceSection): Block[] {
  const v = s.staffSurvey;
  if (!v) return [para(NOTHING)];
  const blocks: Block[] = [];
  if (!v.thisPeriod) blocks.push(para(formatString(lazyStrings.PaperSurveyNotThisPeriod, v.periodLabel)));
  const trend =
    v.previousSatisfiedPercent === undefined
      ? lazyStrings.PaperSurveyFirst
      : v.satisfiedPercent > v.previousSatisfiedPercent
        ? formatString(lazyStrings.PaperSurveyUp, v.previousSatisfiedPercent)
        : v.satisfiedPercent < v.previousSatisfiedPercent
          ? formatString(lazyStrings.PaperSurveyDown, v.previousSatisfiedPercent)
          : lazyStrings.PaperSurveyNoChange;
  const percent = (n: number): string => formatString(lazyStrings.PaperPercent, n);
  blocks.push(
    table(
      [lazyStrings.PaperColumnSurvey, lazyStrings.PaperColumnSurveyed, lazyStrings.PaperColumnResponses, lazyStrings.PaperColumnResponseRate, lazyStrings.PaperColumnSatisfied, lazyStrings.PaperColumnSinceSurvey],
      [
        [
          cell(v.periodLabel),
          cell(String(v.surveyed)),
          cell(String(v.responses)),
          cell(v.responseRate === undefined ? lazyStrings.PaperSurveyNotKnown : percent(v.responseRate)),
          cell(percent(v.satisfiedPercent)),
          cell(trend)
        ]
      ],
      [1.6, 1.2, 1.2, 1.3, 1.2, 2],
      PORTRAIT_WIDTH,
      formatString(lazyStrings.PaperSurveyCaption, s.name)
    )
  );
  const themes = ctx.rich(v.themes);
  if (themes.length > 0) blocks.push(para(lazyStrings.PaperThemesRaised, { keepNext: true }), ...themes);
  return blocks;
}

function risksTable(risks: readonly RiskRow[], withService: boolean, caption: string): Table {
  const change: Record<RiskRow['change'], string> = { up: lazyStrings.PaperRiskIncreased, down: lazyStrings.PaperRiskDecreased, same: lazyStrings.PaperRiskNoChange, new: lazyStrings.PaperRiskNew };
  const rows = risks.map((r) => {
    const first = [cell(r.title)];
    if (withService) first.push(cell(r.serviceName ?? lazyStrings.PaperRiskAllServices));
    return [
      ...first,
      cell(r.owner ?? lazyStrings.PaperRiskNoOwner),
      cell(String(r.inherentScore)),
      cell(formatString(lazyStrings.PaperRiskScore, r.residualScore, r.band), { fill: r.band === 'Very high' ? RAG_FILL.Red : r.band === 'High' ? RAG_FILL.Amber : undefined }),
      cell(change[r.change]),
      cell(r.reviewDate ? longDate(r.reviewDate) : lazyStrings.PaperRiskNoReviewDate)
    ];
  });
  const headers = [
    lazyStrings.PaperColumnRisk,
    ...(withService ? [lazyStrings.PaperColumnService] : []),
    lazyStrings.PaperColumnOwner,
    lazyStrings.PaperColumnInherentScore,
    lazyStrings.PaperColumnResidualScore,
    lazyStrings.PaperColumnSinceReview,
    lazyStrings.PaperColumnNextReview
  ];
  const widths = [2.6, ...(withService ? [1.7] : []), 1.5, 1.3, 1.5, 1.5, 1.5];
  return table(headers, rows, widths, PORTRAIT_WIDTH, caption);
}

function benefitsOverview(ctx: Ctx, s: ServiceSection): Block[] {
  const blocks: Block[] = [];
  const realised = s.benefits.filter((b) => s.realisedThisPeriod.indexOf(b.id) >= 0);
  const achieved = s.benefits.filter((b) => b.deliveryStatus === 'Achieved').length;
  const hasSavings = s.savings.planned > 0 || s.savings.realised > 0;
  blocks.push(
    para(
      s.benefits.length === 0
        ? lazyStrings.PaperServiceNoBenefits
        : formatCount(s.benefits.length, lazyStrings.PaperBenefitsInTrackerOne, lazyStrings.PaperBenefitsInTrackerMany, achieved, s.benefits.length - achieved) +
            (hasSavings ? ` ${formatString(lazyStrings.PaperServiceSavings, pounds(s.savings.realised), pounds(s.savings.planned))}` : '')
    )
  );
  if (realised.length === 0) {
    blocks.push(para(ctx.model.realisedBasis === 'snapshot' ? lazyStrings.PaperNoRealisedSinceReport : lazyStrings.PaperNoRealisedThisPeriod));
  } else {
    blocks.push(para(lazyStrings.PaperRealisedThisPeriod, { keepNext: true }));
    for (const b of realised) blocks.push(new Paragraph({ children: [text(formatString(lazyStrings.PaperBenefitWithCategory, b.title, b.category.toLowerCase()))], bullet: { level: 0 } }));
  }
  if (hasSavings) blocks.push(savingsTable(s.savings, PORTRAIT_WIDTH, formatString(lazyStrings.PaperServiceSavingsCaption, s.name)));
  return blocks;
}

function serviceSection(ctx: Ctx, s: ServiceSection): Block[] {
  const m = ctx.model;
  // Services flow one after another: a page break before each left half-empty pages.
  const blocks: Block[] = [new Paragraph({ text: s.name, heading: HeadingLevel.HEADING_2, keepNext: true })];
  const facts = s.serviceLead
    ? formatString(lazyStrings.PaperServiceFactsLead, andList(s.partnerCouncils), s.phase, s.serviceLead)
    : formatString(lazyStrings.PaperServiceFacts, andList(s.partnerCouncils), s.phase);
  blocks.push(para(facts, { italics: true }));

  blocks.push(heading(lazyStrings.PaperHeadingGeneralUpdate, 3));
  if (s.highlight) {
    blocks.push(heading(lazyStrings.PaperHeadingKeyPoints, 4), ...ctx.richBody(s.highlight.keyPoints, lazyStrings.PaperNoKeyPoints));
    blocks.push(heading(lazyStrings.PaperHeadingActivityOverview, 4), ...ctx.richBody(s.highlight.activityOverview, lazyStrings.PaperNoActivityOverview));
  } else {
    blocks.push(para(formatString(lazyStrings.PaperNoGeneralUpdate, periodShort(m))));
  }

  blocks.push(heading(lazyStrings.PaperHeadingObjectives, 3), ...objectivesTable(ctx, s));
  const since = shortPeriodLabel(m.previousPeriod);
  blocks.push(heading(formatString(lazyStrings.PaperHeadingChangesSince, since), 3));
  blocks.push(...changesBlock(ctx, s, since, formatString(lazyStrings.PaperNoStatusChanges, since)));
  if (m.kind === 'annual') {
    const completed = s.yearChanges.filter((c) => c.statusChanged && c.to.status === 'Complete');
    const achieved = s.benefits.filter((b) => b.deliveryStatus === 'Achieved');
    const year = financialYearLabel(m.period);
    blocks.push(heading(lazyStrings.PaperHeadingSuccesses, 3));
    if (completed.length === 0) {
      blocks.push(para(formatString(lazyStrings.PaperNoObjectiveCompleted, year)));
    } else {
      blocks.push(para(formatString(lazyStrings.PaperObjectivesCompleted, year), { keepNext: true }));
      for (const c of completed) blocks.push(new Paragraph({ children: [text(c.title)], bullet: { level: 0 } }));
    }
    if (achieved.length === 0) {
      blocks.push(para(lazyStrings.PaperNoBenefitAchieved));
    } else {
      blocks.push(para(lazyStrings.PaperBenefitsAchieved, { keepNext: true }));
      for (const b of achieved) blocks.push(new Paragraph({ children: [text(b.title)], bullet: { level: 0 } }));
    }
    const successes = s.successes ?? [];
    blocks.push(para(formatString(successes.length === 0 ? lazyStrings.PaperNoSuccessesRecorded : lazyStrings.PaperSuccessesRecorded, year), { keepNext: successes.length > 0 }));
    for (const x of successes) {
      blocks.push(new Paragraph({ children: [text(x.councils.length > 0 ? formatString(lazyStrings.PaperSuccessFor, x.title, andList(x.councils)) : x.title, { bold: true })], bullet: { level: 0 }, keepNext: true }));
      blocks.push(...ctx.richBody(x.achievement, ''));
    }
  }
  if (m.kind !== 'highlight') {
    blocks.push(heading(lazyStrings.PaperHeadingMeasures, 3), ...measuresBlock(ctx, s));
    blocks.push(heading(lazyStrings.PaperHeadingBenefitsOverview, 3), ...benefitsOverview(ctx, s));
    blocks.push(heading(lazyStrings.PaperHeadingStaffSatisfaction, 3), ...staffSatisfaction(ctx, s));
    blocks.push(heading(lazyStrings.PaperHeadingRiskRegister, 3));
    blocks.push(s.risks.length === 0 ? para(NOTHING) : risksTable(s.risks, false, formatString(lazyStrings.PaperRisksCaption, s.name)));
  }
  return blocks;
}

function benefitTracker(ctx: Ctx): Block[] {
  const m = ctx.model;
  const all: Array<BenefitRow & { serviceName: string }> = [];
  for (const s of m.services) for (const b of s.benefits) all.push({ ...b, serviceName: s.name });
  const blocks: Block[] = [
    appendixHeading(m, 1, false),
    para(lazyStrings.PaperTrackerIntro)
  ];
  if (all.length === 0) return [...blocks, para(lazyStrings.PaperTrackerEmpty)];
  for (const category of BENEFIT_CATEGORIES) {
    const rows = all.filter((b) => b.category === category);
    if (rows.length === 0) continue;
    blocks.push(heading(category, 2));
    blocks.push(
      table(
        [lazyStrings.PaperColumnBenefit, lazyStrings.PaperColumnOriginalPosition, lazyStrings.PaperColumnBenefitAchieve, lazyStrings.PaperColumnBenefitWhen, lazyStrings.PaperColumnBenefitsRealised],
        rows.map((b) => {
          const first = [new Paragraph({ children: [text(b.title, { bold: true, size: CELL_SIZE })] })];
          if (m.services.length > 1) first.push(new Paragraph({ children: [text(b.serviceName, { italics: true, size: CELL_SIZE })] }));
          const realised = ctx.richCell(b.realised, b.title);
          const saved = b.savings.filter((x) => x.planned > 0 || x.realised > 0);
          if (saved.length > 0) {
            realised.push(
              new Paragraph({
                children: [
                  text(formatString(lazyStrings.PaperTrackerSavings, saved.map((x) => formatString(lazyStrings.PaperTrackerSavingsCouncil, x.council, pounds(x.realised), pounds(x.planned))).join('; ')), {
                    size: CELL_SIZE
                  })
                ]
              })
            );
          }
          if (b.fteBefore !== undefined && b.fteAfter !== undefined) {
            realised.push(new Paragraph({ children: [text(formatString(lazyStrings.PaperTrackerCapacity, b.fteBefore, b.fteAfter), { size: CELL_SIZE })] }));
          }
          const statusSaid = !!b.whenDelivered && b.whenDelivered.toLowerCase().indexOf(b.deliveryStatus.toLowerCase()) >= 0;
          const when = `${b.whenDelivered || lazyStrings.PaperTrackerNotStated}${statusSaid ? '' : `\n${formatString(lazyStrings.PaperTrackerDeliveryStatus, b.deliveryStatus)}`}`;
          const savedText = saved.map((x) => `${x.council} ${pounds(x.realised)} ${pounds(x.planned)}`).join(' ');
          return [
            cell(first, { measure: `${b.title} ${b.serviceName}`, bold: true }),
            cell(ctx.richCell(b.originalPosition, b.title), { measure: plainOf(b.originalPosition) }),
            cell(ctx.richCell(b.achievement, b.title), { measure: plainOf(b.achievement) }),
            cell(when),
            cell(realised, { measure: `${plainOf(b.realised)} ${savedText} Capacity: FTE` })
          ];
        }),
        [2.4, 2.6, 3, 1.6, 3.6],
        LANDSCAPE_WIDTH,
        formatString(lazyStrings.PaperTrackerCaption, category)
      )
    );
  }
  return blocks;
}

function financialBenefits(ctx: Ctx): Block[] {
  const m = ctx.model;
  const blocks: Block[] = [heading(lazyStrings.PaperHeadingFinancialBenefits, 1)];
  blocks.push(para(formatString(lazyStrings.PaperSavingsByCouncilIntro, shortPeriodLabel(m.period)), { keepNext: true }));
  blocks.push(savingsTable(m.savings, PORTRAIT_WIDTH));
  if (m.savings.byService.length > 1) {
    blocks.push(para(lazyStrings.PaperSavingsByServiceIntro, { keepNext: true }));
    const rows = m.savings.byService.map((s) => [cell(s.serviceName), cell(pounds(s.planned)), cell(pounds(s.realised))]);
    rows.push([cell(lazyStrings.PaperTotal, { fill: TOTAL_FILL }), cell(pounds(m.savings.planned), { fill: TOTAL_FILL }), cell(pounds(m.savings.realised), { fill: TOTAL_FILL })]);
    const headers = [lazyStrings.PaperColumnService, lazyStrings.PaperColumnSavingsPlanned, lazyStrings.PaperColumnSavingsRealised];
    blocks.push(table(headers, rows, [3, 2, 2], PORTRAIT_WIDTH, lazyStrings.PaperSavingsByServiceCaption));
  }
  blocks.push(...budgetBlock(ctx));
  return blocks;
}

/** The shared budgets of the year, their split between the councils, savings approved, totals per council. */
function budgetBlock(ctx: Ctx): Block[] {
  const b = ctx.model.budget;
  const blocks: Block[] = [heading(formatString(lazyStrings.PaperHeadingBudget, b ? b.financialYearLabel : financialYearLabel(ctx.model.period)), 2)];
  if (!b || b.lines.length === 0) return [...blocks, para(NOTHING)];
  // The split goes in one cell, one council a line: five council columns do not fit a portrait page.
  const split = (l: BudgetRow): string => l.split.filter((x) => x.amount !== 0).map((x) => formatString(lazyStrings.PaperBudgetSplitLine, x.council, pounds(x.amount))).join('\n');
  const rows = b.lines.map((l) => [cell(l.serviceName), cell(pounds(l.sharedBudget)), cell(split(l)), cell(pounds(l.savingsApproved))]);
  const total = { fill: TOTAL_FILL };
  rows.push([cell(lazyStrings.PaperTotal, total), cell(pounds(b.sharedBudget), total), cell('', total), cell(pounds(b.savingsApproved), total)]);
  blocks.push(para(formatString(lazyStrings.PaperBudgetIntro, b.financialYearLabel), { keepNext: true }));
  const headers = [lazyStrings.PaperColumnService, lazyStrings.PaperColumnSharedBudget, lazyStrings.PaperColumnBudgetSplit, lazyStrings.PaperColumnSavingsApproved];
  blocks.push(table(headers, rows, [2.6, 1.5, 3.6, 1.5], PORTRAIT_WIDTH, formatString(lazyStrings.PaperBudgetCaption, b.financialYearLabel)));
  blocks.push(para(formatString(lazyStrings.PaperBudgetByCouncilIntro, b.financialYearLabel), { keepNext: true }));
  const councilRows = b.byCouncil.map((c) => [cell(c.council), cell(pounds(c.share))]);
  councilRows.push([cell(lazyStrings.PaperTotal, total), cell(pounds(b.byCouncil.reduce((n, c) => n + c.share, 0)), total)]);
  const councilHeaders = [lazyStrings.PaperColumnCouncil, lazyStrings.PaperColumnBudgetShare];
  blocks.push(table(councilHeaders, councilRows, [3, 2], PORTRAIT_WIDTH, formatString(lazyStrings.PaperBudgetByCouncilCaption, b.financialYearLabel)));
  return blocks;
}

function riskSummary(ctx: Ctx): Block[] {
  const m = ctx.model;
  const blocks: Block[] = [heading(lazyStrings.PaperHeadingRiskSummary, 1)];
  if (m.topRisks.length === 0) return [...blocks, para(lazyStrings.PaperNoOpenRisks)];
  blocks.push(...figureBlock(ctx, 'riskHeatMap'));
  blocks.push(para(lazyStrings.PaperTopRisksIntro, { keepNext: true }));
  blocks.push(risksTable(m.topRisks, m.scope.serviceId === undefined, lazyStrings.PaperTopRisksCaption));
  return blocks;
}

/** The footer: the loc template with Word's page number fields where it has {1} and {2}. */
function footer(title: string): Footer {
  const children = lazyStrings.PaperFooter.split(/(\{[0-2]\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{1}'
        ? new TextRun({ children: [PageNumber.CURRENT], size: 16 })
        : part === '{2}'
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 })
          : new TextRun({ text: formatString(part, title), size: 16 })
    );
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children })] });
}

/** The meeting the report goes to: the latest meeting date of the period's general updates. */
function meetingDate(m: ReportModel): string | undefined {
  if (m.meeting) return m.meeting.date;
  const dates = m.services.map((s) => s.highlight?.meetingDate).filter((d): d is string => !!d).sort();
  return dates[dates.length - 1];
}

/**
 * The heading of the appendix at `index` (0 for A), starting a new page (an appendix is a paper
 * of its own); one that opens a new section is on a new page already.
 */
function appendixHeading(m: ReportModel, index: number, newPage = true): Paragraph {
  const a = appendicesOf(m)[index];
  return new Paragraph({ text: formatString(lazyStrings.PaperAppendixLine, a.letter, a.title), heading: HeadingLevel.HEADING_1, keepNext: true, pageBreakBefore: newPage });
}

function bestPracticeAppendix(ctx: Ctx): Block[] {
  const m = ctx.model;
  const blocks: Block[] = [appendixHeading(m, 2, false), heading(lazyStrings.PaperHeadingBestPractice, 2)];
  const practice = m.bestPractice ?? [];
  if (practice.length === 0) blocks.push(para(lazyStrings.PaperNoBestPractice));
  else
    blocks.push(
      table(
        [lazyStrings.PaperColumnPractice, lazyStrings.PaperColumnSharedFrom, lazyStrings.PaperColumnAdoptedBy, lazyStrings.PaperColumnPracticeDescription],
        practice.map((b) => [
          cell(b.serviceName ? `${b.title}\n${b.serviceName}` : b.title, { bold: true }),
          cell(b.fromCouncil),
          cell(b.toCouncil),
          cell(ctx.richCell(b.description, b.title), { measure: plainOf(b.description) })
        ]),
        [2.5, 1.6, 1.6, 4.5],
        PORTRAIT_WIDTH,
        lazyStrings.PaperBestPracticeCaption
      )
    );
  blocks.push(heading(lazyStrings.PaperHeadingLessonsLearned, 2));
  const lessons = m.lessonsLearned ?? [];
  if (lessons.length === 0) blocks.push(para(lazyStrings.PaperNoLessons));
  else
    blocks.push(
      table(
        [lazyStrings.PaperColumnLesson, lazyStrings.PaperColumnCategory, lazyStrings.PaperColumnLessonLearned],
        lessons.map((l) => [cell(l.serviceName ? `${l.title}\n${l.serviceName}` : l.title, { bold: true }), cell(l.category), cell(ctx.richCell(l.lesson, l.title), { measure: plainOf(l.lesson) })]),
        [2.8, 1.4, 5],
        PORTRAIT_WIDTH,
        lazyStrings.PaperLessonsCaption
      )
    );
  return blocks;
}

/** Builds the Word document of a report model; pack it with Packer.toBlob (browser) or Packer.toBuffer (Node). */
export function buildReportDocument(model: ReportModel, options: RenderOptions): Document {
  const rich = options.richText;
  const settings = completeSettings(model.settings);
  const figures = new Map<string, { figure: Figure; png: Uint8Array }>();
  for (const f of paperFigures(model)) {
    const png = options.figures?.[f.key];
    if (png) figures.set(f.key, { figure: f, png });
  }
  const ctx: Ctx = {
    model,
    rich,
    settings,
    figures,
    richCell: (html, about) => rich(html, { size: CELL_SIZE, tableTitle: formatString(lazyStrings.PaperRichTextTableAbout, about) }),
    numberedRich: (html) => rich(html, { paragraphNumbering: PARAGRAPH_NUMBERING }),
    richBody: (html, empty) => {
      const paras = rich(html);
      return paras.length > 0 ? paras : [para(empty)];
    }
  };
  const meeting = meetingDate(model);
  const asOf = model.asOf && model.asOf < model.generatedOn.slice(0, 10) ? model.asOf : undefined;
  const front: Block[] = [
    new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }),
    para(meeting ? formatString(lazyStrings.PaperReportToOn, settings.committeeName, longDate(meeting)) : formatString(lazyStrings.PaperReportTo, settings.committeeName), { bold: true }),
    ...(model.meeting ? [para(formatString(lazyStrings.PaperMeeting, model.meeting.title))] : []),
    para(formatString(lazyStrings.PaperReportOf, settings.author)),
    para(formatString(lazyStrings.PaperContact, settings.contact)),
    para(formatString(lazyStrings.PaperReportingPeriod, model.period.label)),
    para(
      asOf
        ? formatString(lazyStrings.PaperPreparedAsOf, longDate(model.generatedOn), longDate(asOf))
        : formatString(lazyStrings.PaperPrepared, longDate(model.generatedOn)),
      { italics: true }
    )
  ];
  // The paper's own sections, in the councils' order; the detail follows as appendices.
  const body: Block[] = [...summary(ctx), ...(model.kind === 'annual' ? financialBenefits(ctx) : []), ...riskSummary(ctx)];
  const paper: Block[] = [...front, ...purpose(ctx), ...body, ...closingSections(ctx)];
  const services: Block[] = [appendixHeading(model, 0)];
  if (model.services.length === 0) services.push(para(lazyStrings.PaperNoServices));
  for (const s of model.services) services.push(...serviceSection(ctx, s));

  const page = (orientation: 'portrait' | 'landscape'): ISectionOptions['properties'] => ({
    page: {
      // docx swaps width and height itself for landscape.
      size: { width: A4.width, height: A4.height, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }
    }
  });
  const foot = { default: footer(model.title) };
  const sections: ISectionOptions[] = [{ properties: page('portrait'), footers: foot, children: spaced([...paper, ...services]) }];
  if (model.kind !== 'highlight') {
    // The tracker's five text columns need the width of a landscape page.
    sections.push({ properties: page('landscape'), footers: foot, children: spaced(benefitTracker(ctx)) });
  }
  if (model.kind === 'annual') sections.push({ properties: page('portrait'), footers: foot, children: spaced(bestPracticeAppendix(ctx)) });

  return new Document({
    creator: options.creator ?? settings.author,
    title: model.title,
    description: formatString(lazyStrings.PaperDocumentDescription, model.title, model.period.label),
    subject: settings.committeeName,
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE, language: { value: 'en-GB' } }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font: FONT, size: 36, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 25, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 22, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
        heading4: { run: { font: FONT, size: 22, bold: true, color: '000000' }, paragraph: { spacing: { before: 160, after: 80 }, keepNext: true } }
      }
    },
    numbering: {
      config: [
        {
          reference: PARAGRAPH_NUMBERING,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 567 } } } }]
        },
        {
          reference: RICH_TEXT_NUMBERING,
          levels: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({
            level,
            format: level % 2 === 0 ? LevelFormat.DECIMAL : LevelFormat.LOWER_LETTER,
            text: level % 2 === 0 ? `%${level + 1}.` : `%${level + 1})`,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } }
          }))
        }
      ]
    },
    sections
  });
}

/** A file name for the report, e.g. "Shared-Services-Quarterly-Performance-Report-Q3-2021-22.docx" (the period as people say it). */
export function reportFileName(model: ReportModel): string {
  const kind = { highlight: lazyStrings.PaperFileNameHighlight, quarterly: lazyStrings.PaperFileNameQuarterly, annual: lazyStrings.PaperFileNameAnnual }[model.kind];
  const scope = model.scope.serviceId === undefined ? '' : `-${model.scope.serviceName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
  const period = shortPeriodLabel(model.period).replace(/[^A-Za-z0-9]+/g, '-');
  return `${kind}-${period}${scope}.docx`;
}

/** Month and year of the report's period end, e.g. "March 2022" (for covers and file lists). */
export function reportMonth(model: ReportModel): string {
  return monthYear(model.period.end);
}
