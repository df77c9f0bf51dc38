/**
 * The committee paper as a clerk receives it: every kind built from the sample data on the
 * local host, rendered to Word with its figures, converted to PDF by LibreOffice, and checked
 * from the PDF's text page by page. Screenshots of every page are written under
 * test-artifacts/paper/ (pdftoppm) for a person to look at.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { startLocalHost } from '../../local/host/server';
import { REFERENCE_TODAY } from '../../local/sample-data';
import { buildFromRepositories, renderDocx } from '../../local/scripts/report';
import { ensurePaperTools, libreOfficePdfConverter, pdfPages, pdfScreenshots } from '../../local/scripts/libreoffice';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { createPnpItemHistory } from '../../src/data/itemHistory';
import { REPORT_KINDS } from '../../src/domain/report';
import type { ReportKind, ReportModel } from '../../src/domain/report';
import { pounds } from '../../src/reports/format';

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'paper');
/**
 * The papers: each kind for the March 2022 meeting (Q4 2021/22), and the quarterly report for
 * the December 2021 meeting (Q3), a past period whose facts differ from the year end.
 */
const PAPERS: ReadonlyArray<{ kind: ReportKind; period: string; asOf: string; asOfText: string }> = [
  ...REPORT_KINDS.map((kind) => ({ kind, period: '2021-22-Q4', asOf: '2022-03-31', asOfText: '31 March 2022' })),
  { kind: 'quarterly', period: '2021-22-Q3', asOf: '2021-12-31', asOfText: '31 December 2021' }
];
const nameOf = (p: { kind: ReportKind; period: string }): string => `${p.kind}-${p.period}`;

/** The paper's own sections in the councils' order, then the appendices of each kind. */
const SECTIONS = [
  'Purpose of the report',
  'Recommendations',
  'Reasons for recommendations',
  'Background to the report',
  'Summary',
  'Risk summary',
  'Climate change and air quality',
  'Risk',
  'Comments of the Statutory Finance Officer',
  'Comments of the Monitoring Officer',
  'Appendices'
];
const APPENDICES: Record<ReportKind, string[]> = {
  highlight: ['Appendix A – Service updates'],
  quarterly: ['Appendix A – Service performance', 'Appendix B – Benefits tracker'],
  annual: ['Appendix A – Service performance over the year', 'Appendix B – Benefits tracker', 'Appendix C – Best practice and lessons learned']
};

/**
 * What each service's part of the paper holds, in order (framework report, para 11): the
 * quarterly performance report's objectives, measures, benefits overview, staff satisfaction and
 * risk register; the annual review's year of achievements and quantitative performance too.
 */
const SERVICE_PARTS: Record<ReportKind, string[]> = {
  highlight: ['General update', 'Service development objectives'],
  quarterly: ['Service development objectives', 'Performance against business plan measures', 'Benefits overview', 'Staff satisfaction', 'Risk register'],
  annual: [
    'Service development objectives',
    'Areas of success and achievements',
    'Performance against business plan measures',
    'Benefits overview',
    'Staff satisfaction',
    'Risk register'
  ]
};

/** Main-body sections of a kind beyond the common ones (after the summary). */
const KIND_SECTIONS: Record<ReportKind, string[]> = {
  highlight: [],
  quarterly: [],
  annual: ['Financial benefits and budget', 'Budget 2021/22']
};

/**
 * Page bound for the sample data: three pages for the paper itself (front matter, summary with
 * its figures, standard sections), then per service at most one page for a highlight report
 * (general update and objectives) and two for the quarterly and annual (measures, benefits
 * overview and risks too; two and a half for the annual review's year of changes and
 * achievements), a landscape tracker page for every four benefits, and one page of best practice
 * and lessons for the annual review. A paper over
 * this has half-empty pages or repeated content; the clerk's complaint was exactly that.
 */
function pageBound(m: ReportModel): number {
  const services = m.services.length;
  const benefits = m.services.reduce((n, s) => n + s.benefits.length, 0);
  // The annual review adds the year's changes and achievements to each service.
  // Staff satisfaction and the officers' comments on the actuals add half a page.
  const perService = m.kind === 'highlight' ? 1 : m.kind === 'quarterly' ? 2.5 : 3;
  return 3 + Math.ceil(services * perService) + (m.kind === 'highlight' ? 0 : Math.ceil(benefits / 4)) + (m.kind === 'annual' ? 1 : 0);
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
const plain = (html: string): string => norm(html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&#39;|&rsquo;/g, "'"));

/** Table rows of the model: text at the start of the row and at the end of its longest cell. */
function rowsOf(m: ReportModel): Array<{ start: string; end: string }> {
  const rows: Array<{ start: string; end: string }> = [];
  const lastWords = (text: string, n = 3): string => plain(text).split(' ').slice(-n).join(' ');
  for (const s of m.services) {
    for (const o of s.objectives) if (o.update) rows.push({ start: o.title, end: lastWords(o.update.narrative) });
    if (m.kind !== 'highlight') for (const b of s.benefits) if (plain(b.realised)) rows.push({ start: b.title, end: lastWords(b.realised) });
  }
  return rows.filter((r) => r.end.split(' ').length >= 3);
}

/** Every word the tables carry, so a fragment of one ("Transformatio") can be told from a real word. */
function wordsOf(m: ReportModel): Set<string> {
  const text: string[] = [m.title];
  for (const s of m.services) {
    text.push(s.name, ...s.partnerCouncils);
    for (const o of s.objectives) text.push(o.title, plain(o.aim), plain(o.update?.narrative ?? ''));
    for (const b of s.benefits) text.push(b.title, plain(b.originalPosition), plain(b.achievement), plain(b.realised), b.whenDelivered);
    for (const r of s.risks) text.push(r.title, r.owner ?? '');
    for (const x of s.measures) text.push(x.title);
  }
  for (const r of m.topRisks) text.push(r.title, r.serviceName ?? '');
  const words = new Set<string>();
  for (const t of text) for (const w of t.split(/[^A-Za-z]+/)) if (w) words.add(w);
  return words;
}

interface Rendered {
  model: ReportModel;
  pages: string[];
}

const rendered = new Map<string, Rendered>();
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ensurePaperTools();
  await fs.rm(ARTIFACTS, { recursive: true, force: true });
  await fs.mkdir(ARTIFACTS, { recursive: true });
  const host = await startLocalHost({ port: 0, host: '127.0.0.1', dbFile: ':memory:', seed: true, today: REFERENCE_TODAY });
  stop = () => host.close();
  const sp = getSPForUrl(`${host.url}/sites/ssm`);
  const repos = createPnpRepositories(sp);
  for (const paper of PAPERS) {
    const { kind, period } = paper;
    const model = await buildFromRepositories(repos, { period, kind, publish: false }, new Date('2026-12-01T10:00:00Z'), { history: createPnpItemHistory(sp) });
    const docx = await renderDocx(model);
    const name = nameOf(paper);
    const pdf = await libreOfficePdfConverter.toPdf(docx, `${name}.docx`);
    const file = path.join(ARTIFACTS, `${name}.pdf`);
    await fs.writeFile(file, pdf);
    await fs.writeFile(path.join(ARTIFACTS, `${name}.docx`), docx);
    await pdfScreenshots(file, path.join(ARTIFACTS, name));
    rendered.set(name, { model, pages: await pdfPages(file) });
  }
}, 600000);

afterAll(async () => {
  if (stop) await stop();
});

describe.each(PAPERS.map((p) => [nameOf(p), p] as const))('the %s paper as a PDF', (name, { kind, asOf, asOfText }) => {
  const get = (): Rendered => {
    const r = rendered.get(name);
    if (!r) throw new Error(`The ${name} paper was not rendered.`);
    return r;
  };

  it('has every section in the councils order, then its appendices', () => {
    const lines = get().pages.join('\n').split('\n').map((l) => norm(l));
    const expected = [...SECTIONS, ...APPENDICES[kind]];
    let from = 0;
    for (const heading of expected) {
      const at = lines.findIndex((l, i) => i >= from && l === heading);
      expect({ heading, found: at >= 0 }).toEqual({ heading, found: true });
      from = at + 1;
    }
    // The appendix headings start their appendix after the list that names them.
    for (const a of APPENDICES[kind]) expect(lines.filter((l) => l === a).length).toBe(2);
  });

  it("has this kind's own sections after the summary, and each service's parts in order", () => {
    const { model, pages } = get();
    const lines = pages.join('\n').split('\n').map((l) => norm(l));
    const summaryAt = lines.indexOf('Summary');
    let from = summaryAt;
    for (const heading of KIND_SECTIONS[kind]) {
      const at = lines.findIndex((l, i) => i > from && l === heading);
      expect({ heading, found: at >= 0 }).toEqual({ heading, found: true });
      from = at;
    }
    // Each service's parts, in order, after its own name and before the next service's name.
    from = lines.findIndex((l) => l === APPENDICES[kind][0]);
    from = lines.findIndex((l, i) => i > from && l === APPENDICES[kind][0]);
    expect(from).toBeGreaterThan(0);
    for (const s of model.services) {
      const start = lines.findIndex((l, i) => i > from && l === s.name);
      expect({ service: s.name, found: start >= 0 }).toEqual({ service: s.name, found: true });
      let at = start;
      for (const part of SERVICE_PARTS[kind]) {
        const next = lines.findIndex((l, i) => i > at && l === part);
        expect({ service: s.name, part, found: next >= 0 }).toEqual({ service: s.name, part, found: true });
        at = next;
      }
      from = at;
    }
  });

  it('names its committee meeting and shows what was entered for the period, or says nothing was', () => {
    const { model, pages } = get();
    const text = pages.join(' ').replace(/\s+/g, ' ');
    expect(model.meeting).toBeDefined();
    expect(text).toContain(`Meeting: ${model.meeting?.title ?? ''}`);
    if (kind === 'highlight') return;
    // The actuals entered in the measure actuals list reach the paper, with their comments.
    const actuals = model.services.flatMap((s) => s.measures).filter((m) => m.actual !== undefined);
    expect(actuals.length).toBeGreaterThan(0);
    const comments = model.services.flatMap((s) => s.measures).filter((m) => m.comment);
    if (comments.length > 0) expect(text).toContain('comments on the');
    // A service with no survey yet says so plainly; one with a survey shows its satisfied share.
    for (const s of model.services) {
      if (s.staffSurvey) expect(text).toContain(`${s.staffSurvey.satisfiedPercent}%`);
    }
    expect(model.services.some((s) => s.staffSurvey)).toBe(true);
    if (model.services.some((s) => !s.staffSurvey || s.measures.length === 0 || s.risks.length === 0)) expect(text).toContain('Nothing recorded for this period.');
    if (kind === 'annual') {
      const budget = model.budget;
      expect(budget?.lines.length).toBeGreaterThan(0);
      // Totals per council add up to the shared budgets, and each appears in the paper.
      const sum = (budget?.byCouncil ?? []).reduce((n, c) => n + c.share, 0);
      expect(Math.round(sum)).toBe(Math.round(budget?.sharedBudget ?? -1));
      for (const c of budget?.byCouncil ?? []) expect(text).toContain(pounds(c.share));
    }
  });

  it('keeps each table row on one page', () => {
    const { model, pages } = get();
    // Letters and digits only: pdftotext joins a word wrapped at its hyphen ("self-" / "service").
    const squash = (t: string): string => t.replace(/[^A-Za-z0-9]+/g, '');
    const flat = pages.map(squash);
    const rows = rowsOf(model);
    expect(rows.length).toBeGreaterThan(5);
    const split = rows.filter((r) => {
      const starts = flat.map((p, i) => (p.includes(squash(r.start)) ? i : -1)).filter((i) => i >= 0);
      const ends = flat.map((p, i) => (p.includes(squash(r.end)) ? i : -1)).filter((i) => i >= 0);
      // Some page holds both the row's first cell and the end of its longest cell.
      return !starts.some((i) => ends.includes(i));
    });
    expect(split).toEqual([]);
  });

  it('breaks no word inside a cell', () => {
    const { model, pages } = get();
    const words = wordsOf(model);
    // A word broken in a narrow cell reads as two tokens in a row that only make a word together
    // ("Transformatio" then "n"): neither is a word of the paper's tables, their join is.
    const tokens = pages.join(' ').split(/[^A-Za-z]+/).filter((t) => t !== '');
    const broken: string[] = [];
    for (let i = 0; i + 1 < tokens.length; i++) {
      const [a, b] = [tokens[i], tokens[i + 1]];
      if (words.has(a + b) && !words.has(a) && !words.has(b)) broken.push(`${a} ${b}`);
    }
    expect(broken).toEqual([]);
    expect(tokens).toContain('Transformation');
  });

  it('shows the period as it stood and says how realised benefits were counted', () => {
    const { model, pages } = get();
    expect(model.realisedBasis).toBe('history');
    expect(model.asOf).toBe(asOf);
    const text = pages.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain(`as they stood on ${asOfText}`);
    if (kind !== 'highlight') expect(text).toContain("from the benefits tracker's version history");
  });

  it('has a page count reasonable for the sample data', () => {
    const { model, pages } = get();
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.length).toBeLessThanOrEqual(pageBound(model));
  });
});
