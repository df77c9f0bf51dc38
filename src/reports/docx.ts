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
  MeasureRow,
  ObjectiveRow,
  ReportModel,
  RiskRow,
  SavingsTotals,
  ServiceSection,
  StatusChangeRow
} from '../domain/report/model';
import { BENEFIT_CATEGORIES, ObjectiveRag } from '../domain/vocabularies';
import { andList, count, longDate, measureValue, monthYear, pounds } from './format';
import { RICH_TEXT_NUMBERING, RichTextConverter } from './richText';

/** What the renderer needs besides the model. */
export interface RenderOptions {
  /** Rich text to paragraphs (createRichTextConverter over the browser's or jsdom's window). */
  richText: RichTextConverter;
  /** Author recorded in the document properties; default "Shared Services Monitoring". */
  creator?: string;
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

function heading(value: string, level: 1 | 2 | 3): Paragraph {
  const h = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({ text: value, heading: h, keepNext: true });
}

/** A table cell from plain text (each line a paragraph) or from ready paragraphs. */
function cell(content: string | Paragraph[], opts: { header?: boolean; fill?: string; width?: number } = {}): TableCell {
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

/**
 * A table with a real header row (repeated on each page, announced by screen readers).
 * `widths` are fractions of the text width.
 */
function table(headers: readonly string[], rows: readonly TableCell[][], widths: readonly number[], textWidth: number): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const columnWidths = widths.map((w) => Math.floor((w / total) * textWidth));
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, { header: true, width: columnWidths[i] })) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => c) }))
    ]
  });
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
  /** Rich text in a table cell: smaller type, and a dash when empty. */
  richCell(html: string): Paragraph[];
  /** Rich text in the body. */
  richBody(html: string, empty: string): Paragraph[];
}

const periodShort = (m: ReportModel): string => shortPeriodLabel(m.period);

function statusText(o: Pick<ObjectiveRow, 'status' | 'rag'>): string {
  return `${o.status}\nRAG: ${o.rag}`;
}

function purpose(ctx: Ctx): Block[] {
  const m = ctx.model;
  const councils = andList(m.partnerCouncils);
  const between = councils ? ` between ${councils}` : '';
  const scope = m.scope.serviceId === undefined ? 'the shared services' : `the shared ${m.scope.serviceName} service`;
  const sentences: Record<ReportModel['kind'], string> = {
    highlight:
      `This report gives the Shared Services Joint Committee a general update on ${scope}${between} for ${periodShort(m)}: ` +
      `the key points of action and an overview of activity${m.services.length > 1 ? ' for each service' : ''}, with progress against the service development objectives.`,
    quarterly:
      `This report provides the quarterly update on ${scope}${between} for ${periodShort(m)}: progress against the service development objectives, ` +
      'service performance against the measures in the service business plans, an overview of benefits and the risk register.',
    annual:
      `This report provides the annual review of ${scope}${between} for ${financialYearLabel(m.period)}: the realisation of benefits, ` +
      'including financial benefits and savings for each council, areas of success and achievements, performance over the year and the risk register.'
  };
  const recommendation: Record<ReportModel['kind'], string> = {
    highlight: 'To note the general update on shared services.',
    quarterly: 'To note the quarterly update on shared services and progress against the service development objectives.',
    annual: 'To note the annual review of shared services, including the benefits realised and the savings delivered for each council.'
  };
  return [
    heading('Purpose of the report', 1),
    numbered(sentences[m.kind]),
    heading('Recommendations', 1),
    numbered(recommendation[m.kind]),
    heading('Reasons for recommendations', 1),
    numbered('To allow the Committee to regularly monitor the progress and performance of the shared services arrangements.')
  ];
}

function savingsTable(totals: SavingsTotals, textWidth: number): Table {
  const rows = totals.byCouncil.map((c) => [cell(c.council), cell(pounds(c.planned)), cell(pounds(c.realised))]);
  rows.push([cell('Total', { fill: 'F2F2F2' }), cell(pounds(totals.planned), { fill: 'F2F2F2' }), cell(pounds(totals.realised), { fill: 'F2F2F2' })]);
  return table(['Council', 'Savings planned', 'Savings realised to date'], rows, [3, 2, 2], textWidth);
}

function summary(ctx: Ctx): Block[] {
  const m = ctx.model;
  const objectives = m.services.reduce((n, s) => n + s.objectives.length, 0);
  const counts = Object.entries(m.objectiveStatusCounts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status.toLowerCase()}`);
  const changes = m.services.reduce((n, s) => n + s.statusChanges.length, 0);
  const realised = m.services.reduce((n, s) => n + s.realisedThisPeriod.length, 0);
  const blocks: Block[] = [heading('Summary', 1)];
  blocks.push(
    numbered(
      objectives === 0
        ? 'No service development objectives are recorded for the services in this report.'
        : `There are ${count(objectives, 'service development objective')} across ${count(m.services.length, 'service')}: ${andList(counts)}.`
    )
  );
  blocks.push(
    numbered(
      changes === 0
        ? `No objective changed its status or RAG rating since ${shortPeriodLabel(m.previousPeriod)}.`
        : `${count(changes, 'objective')} changed status or RAG rating since ${shortPeriodLabel(m.previousPeriod)}; the changes are set out ${m.services.length > 1 ? 'for each service ' : ''}below.`
    )
  );
  if (m.kind !== 'highlight') {
    blocks.push(
      numbered(
        `Savings realised to date total ${pounds(m.savings.realised)} against ${pounds(m.savings.planned)} planned. ` +
          (realised === 0
            ? 'No further benefits were recorded as realised in this period.'
            : `${count(realised, 'benefit')} ${realised === 1 ? 'was' : 'were'} realised in this period.`)
      )
    );
    if (m.savings.byCouncil.length > 0) blocks.push(savingsTable(m.savings, PORTRAIT_WIDTH));
  }
  return blocks;
}

function objectivesTable(ctx: Ctx, s: ServiceSection): Block[] {
  const m = ctx.model;
  if (s.objectives.length === 0) return [para('No service development objectives are recorded for this service.')];
  const rows = s.objectives.map((o) => {
    const progress: Paragraph[] = o.update ? ctx.richCell(o.update.narrative) : [];
    if (!o.update) {
      progress.push(new Paragraph({ children: [text('No progress update has been provided yet.', { italics: true, size: CELL_SIZE })] }));
    } else if (!o.updatedThisPeriod) {
      progress.unshift(
        new Paragraph({ children: [text(`No update for ${periodShort(m)}; the latest, from ${o.update.periodLabel}, is shown.`, { italics: true, size: CELL_SIZE })] })
      );
    }
    const titleParas = [new Paragraph({ children: [text(o.title, { bold: true, size: CELL_SIZE })] })];
    if (o.responsibleOfficer) titleParas.push(new Paragraph({ children: [text(`Responsible officer: ${o.responsibleOfficer}`, { size: CELL_SIZE })] }));
    if (o.targetDate) titleParas.push(new Paragraph({ children: [text(`Target date: ${longDate(o.targetDate)}`, { size: CELL_SIZE })] }));
    return [cell(titleParas), cell(ctx.richCell(o.aim)), cell(progress), cell(statusText(o), { fill: RAG_FILL[o.rag] })];
  });
  return [
    table(
      ['Description of the objective', 'What does the objective aim to achieve', `Progress update ${periodShort(m)}`, 'Status'],
      rows,
      [2.2, 3, 3.8, 1.3],
      PORTRAIT_WIDTH
    )
  ];
}

function stateText(state: StatusChangeRow['from'], since: string): string {
  if (!state) return 'Not reported before';
  // An objective not updated in the previous quarter keeps the state of its latest update.
  return `${state.status} (${state.rag})${state.periodLabel !== since ? `\nlast reported ${state.periodLabel}` : ''}`;
}

function changesBlock(ctx: Ctx, changes: readonly StatusChangeRow[], since: string, none: string): Block[] {
  if (changes.length === 0) return [para(none)];
  const rows = changes.map((c) => [cell(c.title), cell(stateText(c.from, since)), cell(`${c.to.status} (${c.to.rag})`, { fill: RAG_FILL[c.to.rag] })]);
  return [table(['Objective', `Reported at ${since}`, `Reported at ${periodShort(ctx.model)}`], rows, [4, 2.5, 2.5], PORTRAIT_WIDTH)];
}

function measuresBlock(ctx: Ctx, s: ServiceSection): Block[] {
  const m = ctx.model;
  if (s.measures.length === 0) return [para('No business plan measures are recorded for this service.')];
  const against = (r: MeasureRow): string =>
    r.onTarget === undefined ? 'No actual recorded' : `${r.onTarget ? 'On target' : 'Below target'}${r.trend === 'improved' ? ', improved' : r.trend === 'worsened' ? ', worsened' : ''}`;
  const fill = (r: MeasureRow): string | undefined => (r.onTarget === undefined ? undefined : r.onTarget ? RAG_FILL.Green : RAG_FILL.Amber);
  if (m.kind === 'annual') {
    const quarters = s.measures[0].year.map((y) => y.periodId.replace(/^.*-(Q\d)$/, '$1'));
    const rows = s.measures.map((r) => [
      cell(`${r.title}\n${r.direction}`),
      cell(measureValue(r.target, r.unit)),
      ...r.year.map((y) => cell(measureValue(y.actual, r.unit))),
      cell(against(r), { fill: fill(r) })
    ]);
    return [table(['Measure', 'Target', ...quarters, `Against target at ${periodShort(m)}`], rows, [3.4, 1.3, ...quarters.map(() => 1.1), 1.8], PORTRAIT_WIDTH)];
  }
  const rows = s.measures.map((r) => [
    cell(`${r.title}\n${r.direction}`),
    cell(measureValue(r.target, r.unit)),
    cell(measureValue(r.actual, r.unit)),
    cell(measureValue(r.previous, r.unit)),
    cell(against(r), { fill: fill(r) })
  ]);
  return [table(['Measure', 'Target', periodShort(m), shortPeriodLabel(m.previousPeriod), 'Against target'], rows, [4, 1.5, 1.5, 1.5, 2], PORTRAIT_WIDTH)];
}

function risksTable(risks: readonly RiskRow[], withService: boolean): Table {
  const change: Record<RiskRow['change'], string> = { up: 'Increased', down: 'Decreased', same: 'No change', new: 'New' };
  const rows = risks.map((r) => {
    const first = [cell(r.title)];
    if (withService) first.push(cell(r.serviceName ?? 'All services'));
    return [
      ...first,
      cell(r.owner ?? 'Not assigned'),
      cell(String(r.inherentScore)),
      cell(`${r.residualScore} (${r.band})`, { fill: r.band === 'Very high' ? RAG_FILL.Red : r.band === 'High' ? RAG_FILL.Amber : undefined }),
      cell(change[r.change]),
      cell(r.reviewDate ? longDate(r.reviewDate) : 'Not set')
    ];
  });
  const headers = ['Risk', ...(withService ? ['Service'] : []), 'Owner', 'Inherent score', 'Residual score', 'Since last review', 'Next review'];
  const widths = [2.6, ...(withService ? [1.7] : []), 1.5, 1.3, 1.5, 1.5, 1.5];
  return table(headers, rows, widths, PORTRAIT_WIDTH);
}

function benefitsOverview(ctx: Ctx, s: ServiceSection): Block[] {
  const blocks: Block[] = [];
  const realised = s.benefits.filter((b) => s.realisedThisPeriod.indexOf(b.id) >= 0);
  const achieved = s.benefits.filter((b) => b.deliveryStatus === 'Achieved').length;
  const hasSavings = s.savings.planned > 0 || s.savings.realised > 0;
  blocks.push(
    para(
      s.benefits.length === 0
        ? 'No benefits are recorded in the tracker for this service.'
        : `${count(s.benefits.length, 'benefit')} in the tracker: ${achieved} achieved, ${s.benefits.length - achieved} planned or in progress.` +
            (hasSavings ? ` Savings realised to date: ${pounds(s.savings.realised)} of ${pounds(s.savings.planned)} planned.` : '')
    )
  );
  if (realised.length === 0) {
    blocks.push(para(ctx.model.realisedBasis === 'snapshot' ? 'No benefits were realised since the last published report.' : 'No benefits were recorded as realised in this period.'));
  } else {
    blocks.push(para('Benefits realised in this period:', { keepNext: true }));
    for (const b of realised) blocks.push(new Paragraph({ children: [text(`${b.title} (${b.category.toLowerCase()})`)], bullet: { level: 0 } }));
  }
  if (hasSavings) blocks.push(savingsTable(s.savings, PORTRAIT_WIDTH));
  return blocks;
}

function serviceSection(ctx: Ctx, s: ServiceSection): Block[] {
  const m = ctx.model;
  // With several services each starts on a new page, so a service's pages can be circulated on their own.
  const blocks: Block[] = [new Paragraph({ text: s.name, heading: HeadingLevel.HEADING_1, keepNext: true, pageBreakBefore: m.services.length > 1 })];
  const facts = [`Shared by ${andList(s.partnerCouncils)}`, s.phase];
  if (s.serviceLead) facts.push(`service lead ${s.serviceLead}`);
  blocks.push(para(`${facts.join('; ')}.`, { italics: true }));

  blocks.push(heading('General update', 2));
  if (s.highlight) {
    blocks.push(heading('Key points of action', 3), ...ctx.richBody(s.highlight.keyPoints, 'No key points of action were recorded.'));
    blocks.push(heading('Overview of activity', 3), ...ctx.richBody(s.highlight.activityOverview, 'No overview of activity was recorded.'));
  } else {
    blocks.push(para(`No general update was provided for ${periodShort(m)}.`));
  }

  blocks.push(heading('Service development objectives', 2), ...objectivesTable(ctx, s));
  const since = shortPeriodLabel(m.previousPeriod);
  blocks.push(heading(`Changes since ${since}`, 2));
  blocks.push(...changesBlock(ctx, s.statusChanges, since, `No objective changed its status or RAG rating since ${since}.`));
  if (m.kind === 'annual') {
    const completed = s.yearChanges.filter((c) => c.statusChanged && c.to.status === 'Complete');
    const achieved = s.benefits.filter((b) => b.deliveryStatus === 'Achieved');
    const year = financialYearLabel(m.period);
    blocks.push(heading('Areas of success and achievements', 2));
    if (completed.length === 0) {
      blocks.push(para(`No service development objective was completed during ${year}.`));
    } else {
      blocks.push(para(`Objectives completed during ${year}:`, { keepNext: true }));
      for (const c of completed) blocks.push(new Paragraph({ children: [text(c.title)], bullet: { level: 0 } }));
    }
    if (achieved.length === 0) {
      blocks.push(para('No benefit in the tracker has been achieved yet.'));
    } else {
      blocks.push(para('Benefits achieved to date:', { keepNext: true }));
      for (const b of achieved) blocks.push(new Paragraph({ children: [text(b.title)], bullet: { level: 0 } }));
    }
  }
  if (m.kind !== 'highlight') {
    blocks.push(heading('Performance against business plan measures', 2), ...measuresBlock(ctx, s));
    blocks.push(heading('Benefits overview', 2), ...benefitsOverview(ctx, s));
    blocks.push(heading('Risks', 2));
    blocks.push(s.risks.length === 0 ? para('No open risks are recorded for this service.') : risksTable(s.risks, false));
  }
  return blocks;
}

function benefitTracker(ctx: Ctx): Block[] {
  const m = ctx.model;
  const all: Array<BenefitRow & { serviceName: string }> = [];
  for (const s of m.services) for (const b of s.benefits) all.push({ ...b, serviceName: s.name });
  const blocks: Block[] = [
    heading('Benefits tracker', 1),
    para('The benefits tracker captures key savings and other benefits that have been identified as part of shared services development.')
  ];
  if (all.length === 0) return [...blocks, para('No benefits are recorded in the tracker for these services.')];
  for (const category of BENEFIT_CATEGORIES) {
    const rows = all.filter((b) => b.category === category);
    if (rows.length === 0) continue;
    blocks.push(heading(category, 2));
    blocks.push(
      table(
        ['Benefit', 'Original position', 'What will the benefit achieve?', 'When will the benefit be delivered?', 'Benefits realised'],
        rows.map((b) => {
          const first = [new Paragraph({ children: [text(b.title, { bold: true, size: CELL_SIZE })] })];
          if (m.services.length > 1) first.push(new Paragraph({ children: [text(b.serviceName, { italics: true, size: CELL_SIZE })] }));
          const realised = ctx.richCell(b.realised);
          const saved = b.savings.filter((x) => x.planned > 0 || x.realised > 0);
          if (saved.length > 0) {
            realised.push(
              new Paragraph({
                children: [text(`Savings realised: ${saved.map((x) => `${x.council} ${pounds(x.realised)} of ${pounds(x.planned)}`).join('; ')}.`, { size: CELL_SIZE })]
              })
            );
          }
          if (b.fteBefore !== undefined && b.fteAfter !== undefined) {
            realised.push(new Paragraph({ children: [text(`Capacity: ${b.fteBefore} FTE before sharing, ${b.fteAfter} FTE after.`, { size: CELL_SIZE })] }));
          }
          const when = `${b.whenDelivered || 'Not stated'}${b.whenDelivered && b.whenDelivered.toLowerCase().indexOf(b.deliveryStatus.toLowerCase()) >= 0 ? '' : `\n(${b.deliveryStatus})`}`;
          return [cell(first), cell(ctx.richCell(b.originalPosition)), cell(ctx.richCell(b.achievement)), cell(when), cell(realised)];
        }),
        [2.4, 2.6, 3, 1.6, 3.6],
        LANDSCAPE_WIDTH
      )
    );
  }
  return blocks;
}

function financialBenefits(ctx: Ctx): Block[] {
  const m = ctx.model;
  const blocks: Block[] = [heading('Financial benefits', 1)];
  blocks.push(para(`Savings for each partner council, from the benefits tracker, to the end of ${shortPeriodLabel(m.period)}:`, { keepNext: true }));
  blocks.push(savingsTable(m.savings, PORTRAIT_WIDTH));
  if (m.savings.byService.length > 1) {
    blocks.push(para('Savings by service:', { keepNext: true }));
    const rows = m.savings.byService.map((s) => [cell(s.serviceName), cell(pounds(s.planned)), cell(pounds(s.realised))]);
    rows.push([cell('Total', { fill: 'F2F2F2' }), cell(pounds(m.savings.planned), { fill: 'F2F2F2' }), cell(pounds(m.savings.realised), { fill: 'F2F2F2' })]);
    blocks.push(table(['Service', 'Savings planned', 'Savings realised to date'], rows, [3, 2, 2], PORTRAIT_WIDTH));
  }
  return blocks;
}

function riskSummary(ctx: Ctx): Block[] {
  const m = ctx.model;
  const blocks: Block[] = [heading('Risk summary', 1)];
  if (m.topRisks.length === 0) return [...blocks, para('There are no open risks in the register for these services.')];
  blocks.push(para(`The highest open risks in the register by residual score (likelihood × impact after controls, out of 25):`, { keepNext: true }));
  blocks.push(risksTable(m.topRisks, m.scope.serviceId === undefined));
  return blocks;
}

function footer(title: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${title} – page `, size: 16 }),
          new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
          new TextRun({ text: ' of ', size: 16 }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 })
        ]
      })
    ]
  });
}

/** The meeting the report goes to: the latest meeting date of the period's general updates. */
function meetingDate(m: ReportModel): string | undefined {
  const dates = m.services.map((s) => s.highlight?.meetingDate).filter((d): d is string => !!d).sort();
  return dates[dates.length - 1];
}

/** Builds the Word document of a report model; pack it with Packer.toBlob (browser) or Packer.toBuffer (Node). */
export function buildReportDocument(model: ReportModel, options: RenderOptions): Document {
  const rich = options.richText;
  const ctx: Ctx = {
    model,
    rich,
    richCell: (html) => rich(html, { size: CELL_SIZE }),
    richBody: (html, empty) => {
      const paras = rich(html);
      return paras.length > 0 ? paras : [para(empty)];
    }
  };
  const meeting = meetingDate(model);
  const front: Block[] = [
    new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }),
    para(meeting ? `Report to the Shared Services Joint Committee, ${longDate(meeting)}` : 'Report to the Shared Services Joint Committee', { bold: true }),
    para(`Reporting period: ${model.period.label}`),
    para(`Prepared ${longDate(model.generatedOn)} from the Shared Services Monitoring lists.`, { italics: true }),
    ...purpose(ctx),
    ...summary(ctx)
  ];
  const services: Block[] = [];
  for (const s of model.services) services.push(...serviceSection(ctx, s));

  const page = (orientation: 'portrait' | 'landscape'): ISectionOptions['properties'] => ({
    page: {
      // docx swaps width and height itself for landscape.
      size: { width: A4.width, height: A4.height, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }
    }
  });
  const foot = { default: footer(model.title) };
  const sections: ISectionOptions[] = [];
  if (model.kind === 'highlight') {
    sections.push({ properties: page('portrait'), footers: foot, children: spaced([...front, ...services, ...riskSummary(ctx)]) });
  } else {
    sections.push({ properties: page('portrait'), footers: foot, children: spaced([...front, ...services]) });
    // The tracker's five text columns need the width of a landscape page.
    sections.push({ properties: page('landscape'), footers: foot, children: spaced(benefitTracker(ctx)) });
    const closing = [...(model.kind === 'annual' ? financialBenefits(ctx) : []), ...riskSummary(ctx)];
    sections.push({ properties: page('portrait'), footers: foot, children: spaced(closing) });
  }

  return new Document({
    creator: options.creator ?? 'Shared Services Monitoring',
    title: model.title,
    description: `${model.title}. ${model.period.label}.`,
    subject: 'Shared Services Joint Committee',
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE, language: { value: 'en-GB' } }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font: FONT, size: 36, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 25, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 22, bold: true, color: '000000' }, paragraph: { spacing: { before: 160, after: 80 }, keepNext: true } }
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
  const kind = { highlight: 'Highlight-Report', quarterly: 'Quarterly-Performance-Report', annual: 'Annual-Review' }[model.kind];
  const scope = model.scope.serviceId === undefined ? '' : `-${model.scope.serviceName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
  const period = shortPeriodLabel(model.period).replace(/[^A-Za-z0-9]+/g, '-');
  return `Shared-Services-${kind}-${period}${scope}.docx`;
}

/** Month and year of the report's period end, e.g. "March 2022" (for covers and file lists). */
export function reportMonth(model: ReportModel): string {
  return monthYear(model.period.end);
}
