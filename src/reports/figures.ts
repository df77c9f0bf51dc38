/**
 * The paper's figures, drawn as SVG from the report model: the objectives' status and RAG
 * summary, and the heat map of open risks by residual likelihood and impact. Word needs a
 * raster picture, so the caller turns each SVG into PNG (the browser draws it on a canvas,
 * Node uses resvg) and passes the bytes to the renderer. Every figure carries alt text that
 * says what it shows in words, and the paper keeps the same numbers in text beside it.
 */
import type { ReportModel } from '../domain/report/model';
import { riskBand } from '../domain/scoring';
import { OBJECTIVE_STATUSES, RAG_RATINGS } from '../domain/vocabularies';
import { lazyStrings } from '../loc/lazy';
import { formatCount, formatString } from '../components/format';
import { andList } from './format';

/** The figures a paper can carry. */
export type FigureKey = 'objectiveStatus' | 'riskHeatMap';

/** One figure: its SVG, size in CSS pixels, and alt text. */
export interface Figure {
  /** Which figure. */
  readonly key: FigureKey;
  /** SVG markup (self-contained: no fonts or images fetched). */
  readonly svg: string;
  /** Width in CSS pixels, as placed on the page. */
  readonly width: number;
  /** Height in CSS pixels. */
  readonly height: number;
  /** Short title (Word's alt text title). */
  readonly title: string;
  /** Alt text: what the figure shows, in words. */
  readonly description: string;
}

/** PNG bytes of the figures, by key; a figure without bytes is left out of the paper (its numbers stay in the text). */
export type FigureImages = Partial<Record<FigureKey, Uint8Array>>;

/** Turns SVG into PNG bytes at `scale` times its size. */
export type Rasterise = (svg: string, width: number, height: number, scale: number) => Promise<Uint8Array>;

const FONT = "font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\"";
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STATUS_FILL = '2F5597';
const RAG_FILLS: Readonly<Record<string, string>> = { Red: 'C00000', Amber: 'ED7D31', Green: '548235' };
const BAND_FILLS: Readonly<Record<string, string>> = { Low: 'D9EAD3', Medium: 'FFF2CC', High: 'FCE5CD', 'Very high': 'F4CCCC' };

function statusFigure(m: ReportModel): Figure | undefined {
  const statuses = OBJECTIVE_STATUSES.map((s) => ({ label: s, n: m.objectiveStatusCounts[s] ?? 0, fill: STATUS_FILL }));
  const total = statuses.reduce((a, b) => a + b.n, 0);
  if (total === 0) return undefined;
  const rags = m.objectiveRagCounts ? RAG_RATINGS.map((r) => ({ label: formatString(lazyStrings.PaperFigureRagLabel, r), rag: r as string, n: m.objectiveRagCounts?.[r] ?? 0, fill: RAG_FILLS[r] })) : [];
  const rows = [...statuses, ...rags];
  const max = Math.max(1, ...rows.map((r) => r.n));
  const width = 600;
  const rowH = 26;
  const top = 34;
  const gap = rags.length > 0 ? 14 : 0;
  const height = top + rows.length * rowH + gap + 10;
  const labelW = 130;
  const barW = width - labelW - 60;
  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>`,
    `<text x="0" y="20" ${FONT} font-size="15" font-weight="bold" fill="#1F3864">${esc(formatString(lazyStrings.PaperFigureStatusHeading, total))}</text>`
  ];
  rows.forEach((r, i) => {
    const y = top + i * rowH + (i >= statuses.length ? gap : 0);
    const w = Math.round((r.n / max) * barW);
    parts.push(`<text x="0" y="${y + 17}" ${FONT} font-size="13" fill="#000000">${esc(r.label)}</text>`);
    parts.push(`<rect x="${labelW}" y="${y + 3}" width="${Math.max(w, 1)}" height="${rowH - 8}" fill="#${r.fill}"/>`);
    parts.push(`<text x="${labelW + w + 6}" y="${y + 17}" ${FONT} font-size="13" fill="#000000">${r.n}</text>`);
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
  const said = statuses.filter((s) => s.n > 0).map((s) => formatString(lazyStrings.PaperStatusCount, s.n, s.label.toLowerCase()));
  const ragSaid = rags.filter((r) => r.n > 0).map((r) => formatString(lazyStrings.PaperStatusCount, r.n, r.rag.toLowerCase()));
  return {
    key: 'objectiveStatus',
    svg,
    width,
    height,
    title: lazyStrings.PaperFigureStatusTitle,
    description:
      formatString(lazyStrings.PaperFigureStatusDescription, formatCount(total, lazyStrings.PaperObjectiveCountOne, lazyStrings.PaperObjectiveCountMany), andList(said)) +
      (ragSaid.length > 0 ? ` ${formatString(lazyStrings.PaperFigureRagDescription, andList(ragSaid))}` : '')
  };
}

function heatMapFigure(m: ReportModel): Figure | undefined {
  const map = m.riskHeatMap;
  if (!map) return undefined;
  const total = map.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);
  if (total === 0) return undefined;
  const cellW = 80;
  const cellH = 52;
  const left = 96;
  const top = 34;
  const width = left + 5 * cellW + 10;
  const height = top + 5 * cellH + 50;
  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>`,
    `<text x="0" y="20" ${FONT} font-size="15" font-weight="bold" fill="#1F3864">${esc(formatString(lazyStrings.PaperFigureHeatMapHeading, total))}</text>`
  ];
  for (let l = 5; l >= 1; l--) {
    const y = top + (5 - l) * cellH;
    parts.push(`<text x="${left - 10}" y="${y + cellH / 2 + 5}" ${FONT} font-size="13" text-anchor="end" fill="#000000">${l}</text>`);
    for (let i = 1; i <= 5; i++) {
      const x = left + (i - 1) * cellW;
      const n = map[l - 1]?.[i - 1] ?? 0;
      parts.push(`<rect x="${x}" y="${y}" width="${cellW}" height="${cellH}" fill="#${BAND_FILLS[riskBand(l * i)]}" stroke="#808080" stroke-width="1"/>`);
      if (n > 0) parts.push(`<text x="${x + cellW / 2}" y="${y + cellH / 2 + 7}" ${FONT} font-size="20" font-weight="bold" text-anchor="middle" fill="#000000">${n}</text>`);
    }
  }
  for (let i = 1; i <= 5; i++) {
    parts.push(`<text x="${left + (i - 0.5) * cellW}" y="${top + 5 * cellH + 18}" ${FONT} font-size="13" text-anchor="middle" fill="#000000">${i}</text>`);
  }
  parts.push(`<text x="${left + 2.5 * cellW}" y="${top + 5 * cellH + 40}" ${FONT} font-size="13" text-anchor="middle" fill="#000000">${esc(lazyStrings.PaperFigureImpact)}</text>`);
  parts.push(
    `<text x="14" y="${top + 2.5 * cellH}" ${FONT} font-size="13" text-anchor="middle" fill="#000000" transform="rotate(-90 14 ${top + 2.5 * cellH})">${esc(lazyStrings.PaperFigureLikelihood)}</text>`
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
  const cells: string[] = [];
  for (let l = 5; l >= 1; l--) for (let i = 5; i >= 1; i--) {
    const n = map[l - 1]?.[i - 1] ?? 0;
    if (n > 0) cells.push(formatString(lazyStrings.PaperFigureHeatMapCell, n, l, i, riskBand(l * i).toLowerCase()));
  }
  return {
    key: 'riskHeatMap',
    svg,
    width,
    height,
    title: lazyStrings.PaperFigureHeatMapTitle,
    description: formatString(lazyStrings.PaperFigureHeatMapDescription, formatCount(total, lazyStrings.PaperOpenRiskCountOne, lazyStrings.PaperOpenRiskCountMany), andList(cells))
  };
}

/** The figures a model has something to show in (none for an empty programme). */
export function paperFigures(model: ReportModel): Figure[] {
  return [statusFigure(model), heatMapFigure(model)].filter((f): f is Figure => f !== undefined);
}

/** PNG bytes of every figure of the model, at twice their size so they print sharply. */
export async function renderFigures(model: ReportModel, rasterise: Rasterise): Promise<FigureImages> {
  const out: FigureImages = {};
  for (const f of paperFigures(model)) out[f.key] = await rasterise(f.svg, f.width, f.height, 2);
  return out;
}
