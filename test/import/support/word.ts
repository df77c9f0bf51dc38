/**
 * Writes fixture rows as a Word committee paper with the `docx` package (not the code under
 * test): a title paragraph, then one table whose section rows are a single cell spanning the
 * table, and whose cells hold paragraphs, bulleted lists and bold text written from the
 * fixtures' plain text (blank lines between paragraphs) or simple HTML (p, ul/li, strong).
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ImportFile } from '../../../src/import';

/** Runs of one paragraph: `<strong>` parts bold, other tags dropped (as Word would not show them). */
function runs(html: string): TextRun[] {
  const out: TextRun[] = [];
  const parts = html.split(/(<strong>.*?<\/strong>)/g);
  for (const part of parts) {
    const bold = /^<strong>(.*)<\/strong>$/.exec(part);
    const text = (bold ? bold[1] : part).replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    if (text !== '') out.push(new TextRun({ text, bold: !!bold }));
  }
  return out;
}

/** The paragraphs of a cell. */
export function cellParagraphs(value: string): Paragraph[] {
  if (/<(p|ul|li|strong)\b/.test(value)) {
    // A Word cell holds text, not markup: a pasted <script> becomes its literal text.
    const body = value.replace(/<\/?ul>/g, '').replace(/<script>(.*?)<\/script>/g, (_m, t: string) => `<p>&lt;script&gt;${t}&lt;/script&gt;</p>`);
    const blocks = body.match(/<p>.*?<\/p>|<li>.*?<\/li>|[^<]+(?=<|$)/g) ?? [];
    return blocks
      .map((b) => (b.startsWith('<li>') ? new Paragraph({ children: runs(b.slice(4, -5)), bullet: { level: 0 } }) : new Paragraph({ children: runs(b.replace(/^<p>|<\/p>$/g, '')) })))
      .filter((_p, i) => (blocks[i] ?? '').replace(/<[^>]+>/g, '').trim() !== '');
  }
  const paragraphs = value.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
  return (paragraphs.length > 0 ? paragraphs : ['']).map((p) => new Paragraph({ children: [new TextRun(p.replace(/\s*\n\s*/g, ' '))] }));
}

/** A table of plain cells, as an action plan nested in an objective's cell. */
function plainTable(rows: string[][]): Table {
  return new Table({ rows: rows.map((r) => new TableRow({ children: r.map((v) => new TableCell({ children: [new Paragraph(v)] })) })) });
}

/**
 * A .docx of the rows (`nested`: tables to put in the first cell of the table row at that index): the first row with one value is the paper's title (a paragraph), the
 * next the table header; later rows with one value are section rows spanning the table.
 */
export async function toDocx(name: string, rows: string[][], extraTables: string[][][] = [], nested: Readonly<Record<number, string[][]>> = {}): Promise<ImportFile> {
  const [titleRow, ...tableRows] = rows;
  const table = (body: string[][]): Table => {
    const width = Math.max(...body.map((r) => r.length));
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: body.map(
        (r, i) =>
          new TableRow({
            tableHeader: i === 0,
            children:
              r.length === 1 && i > 0
                ? [new TableCell({ columnSpan: width, children: cellParagraphs(r[0]) })]
                : r.map((v, c) => new TableCell({ children: c === 0 && nested[i] ? [...cellParagraphs(v), plainTable(nested[i])] : cellParagraphs(v) }))
          })
      )
    });
  };
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: titleRow[0], bold: true })] }),
          table(tableRows),
          ...extraTables.flatMap((t) => [new Paragraph({ children: [] }), table(t)])
        ]
      }
    ]
  });
  return { name, data: new Uint8Array(await Packer.toBuffer(doc)) };
}
