import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

// A printed report (the bank-ready dossier, the cluster's aggregate report) as an A4 PDF drawn on the server with
// pdfkit (no browser involved). Devanagari needs a font that has it and whose shaping pdfkit's fontkit handles;
// Lohit Devanagari (Debian fonts-lohit-deva) does, and it has ₹ and Latin too. Without it the caller writes the
// report in English, and ₹ becomes "Rs.".

export const DEVANAGARI_FONT = '/usr/share/fonts/truetype/lohit-devanagari/Lohit-Devanagari.ttf';

export function devanagariFontAvailable(path = DEVANAGARI_FONT): boolean {
  return existsSync(path);
}

export interface PdfTable {
  head: readonly string[];
  rows: readonly (readonly string[])[];
}

/** Drawn in this order: lead paragraphs, label–value rows, tables, closing paragraphs. */
export interface PdfSection {
  title: string;
  lead?: readonly string[];
  rows: readonly { label: string; value: string }[];
  tables: readonly PdfTable[];
  paragraphs: readonly string[];
}

/** A section with only the parts given; the rest empty. */
export const pdfSection = (title: string, parts: Partial<Omit<PdfSection, 'title'>>): PdfSection => ({
  title,
  rows: [],
  tables: [],
  paragraphs: [],
  ...parts,
});

export interface PdfReport {
  /** The PDF's own title (document properties). */
  documentTitle: string;
  title: string;
  heading?: string;
  subtitles: readonly string[];
  sections: readonly PdfSection[];
  /** Stamped at the foot of every page, followed by the page number. */
  footer: string;
}

const MARGIN = 50;
/** Room for a section's title and its first lines. */
const KEEP_WITH_TITLE = 60;

export function renderReportPdf(report: PdfReport, fontPath: string | null): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: report.documentTitle },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const font = fontPath ?? 'Helvetica';
  // Lohit has no subscript digits; CO₂ is written CO2 on paper.
  const text = (value: string) => (fontPath ? value : value.replace(/₹/g, 'Rs. ')).replace(/₂/g, '2');
  const width = doc.page.width - 2 * MARGIN;
  const paragraph = (value: string) => doc.text(text(value), MARGIN, doc.y, { width });

  doc.font(font).fontSize(20).text(text(report.title));
  if (report.heading !== undefined) doc.moveDown(0.3).fontSize(16).text(text(report.heading));
  doc.fontSize(11);
  for (const subtitle of report.subtitles) doc.moveDown(0.3).text(text(subtitle));

  /** A new page when `height` more points would run into the bottom margin, so nothing is split across pages. */
  const keep = (height: number) => {
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  };

  for (const section of report.sections) {
    doc.moveDown(1);
    // A section's title is never left alone at the foot of a page.
    keep(KEEP_WITH_TITLE);
    doc.fontSize(14).text(text(section.title), MARGIN, doc.y, { width });
    doc.moveDown(0.3).fontSize(10);
    for (const lead of section.lead ?? []) paragraph(lead).moveDown(0.3);
    for (const row of section.rows) {
      keep(
        Math.max(
          doc.heightOfString(text(row.label), { width: width * 0.55 }),
          doc.heightOfString(text(row.value), { width: width * 0.42 }),
        ),
      );
      const y = doc.y;
      doc.text(text(row.label), MARGIN, y, { width: width * 0.55 });
      const afterLabel = doc.y;
      doc.text(text(row.value), MARGIN + width * 0.58, y, { width: width * 0.42 });
      doc.y = Math.max(afterLabel, doc.y);
      doc.x = MARGIN;
    }
    for (const table of section.tables) {
      const columnWidth = width / table.head.length;
      const heightOf = (cells: readonly string[]) =>
        Math.max(...cells.map((cell) => doc.heightOfString(text(cell), { width: columnWidth - 6 })));
      for (const [index, cells] of [table.head, ...table.rows].entries()) {
        // A row is never split across pages, and the head is never left without its first row.
        const first = index === 0 ? table.rows[0] : undefined;
        keep(heightOf(cells) + (first ? 4 + heightOf(first) : 0));
        const y = doc.y;
        let bottom = y;
        cells.forEach((cell, column) => {
          doc.text(text(cell), MARGIN + column * columnWidth, y, { width: columnWidth - 6 });
          bottom = Math.max(bottom, doc.y);
        });
        doc.y = bottom + (index === 0 ? 4 : 2);
      }
      doc.x = MARGIN;
    }
    for (const closing of section.paragraphs) paragraph(closing);
  }

  // Page numbers and the footer on every page, once the page count is known.
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .text(text(`${report.footer} · ${page + 1} / ${range.count}`), MARGIN, doc.page.height - MARGIN + 10, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
