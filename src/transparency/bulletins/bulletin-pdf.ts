// The PDF of a published bulletin in one language, built with pdfkit (pure JS) and DejaVu Sans
// from the npm package dejavu-fonts-ttf: one TrueType font covering Latin, Cyrillic and Armenian,
// embedded (subset) so that the PDF reads the same on any machine, which the standard 14 PDF
// fonts (Latin-1 only) could not do.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { BulletinDocument } from './bulletin-document.ts';

/** The embedded font file (resolved from node_modules, never from the system). */
export const BULLETIN_FONT_PATH = createRequire(import.meta.url).resolve(
  'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
);

const FONT = 'DejaVuSans';

/**
 * The PDF bytes of `document`; `createdAt` (the publication time) is the PDF's creation date,
 * so the same bulletin always gives the same file.
 */
export function renderBulletinPdf(document: BulletinDocument, createdAt: Date): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang: document.language,
    info: { Title: document.title, CreationDate: createdAt, ModDate: createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    pdf.on('error', reject);
  });
  pdf.registerFont(FONT, BULLETIN_FONT_PATH);
  pdf.font(FONT);
  pdf.fontSize(18).text(document.title);
  pdf.fontSize(10);
  for (const line of [...document.lines, document.logLine]) pdf.text(line);
  for (const link of document.corrections) pdf.text(`${link.label} ${link.bulletinId}`);
  pdf.text(document.versions.map((version) => version.name).join(' · '));
  pdf.moveDown().fontSize(11).text(document.text);
  for (const table of document.tables) {
    pdf.moveDown().fontSize(12).text(table.heading);
    pdf.fontSize(9);
    for (const row of [table.header, ...table.rows]) pdf.text(row.join('   |   '));
  }
  if (document.tables.length > 0) pdf.moveDown().fontSize(8).text(document.legend);
  pdf.end();
  return done;
}
