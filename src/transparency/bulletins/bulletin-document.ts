// A published bulletin laid out in one language: every label translated, every figure formatted
// as published ("<5", "x", rounded counts), dates in the mission's time zone. The HTML page and
// the PDF both render this, so they cannot say different things.
import { formatCell } from '../disclosure/published-cell.ts';
import type { PublishedBulletin } from './bulletin-content.ts';
import type { FigureRow, FigureSection, Headline } from './bulletin-figures.ts';
import { translate } from './i18n/translate.ts';

/** A table with translated header and formatted cells. */
export interface DocumentTable {
  heading: string;
  header: string[];
  rows: string[][];
}

/** A link to another bulletin, with its label. */
export interface DocumentLink {
  label: string;
  bulletinId: string;
}

/** The bulletin as one language shows it. */
export interface BulletinDocument {
  bulletinId: string;
  language: string;
  title: string;
  lines: string[];
  logIndex: number;
  logLine: string;
  text: string;
  tables: DocumentTable[];
  legend: string;
  corrections: DocumentLink[];
  /** The language versions that exist, each named in its own language. */
  versions: { language: string; name: string }[];
}

function dateText(iso: string, language: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  return format.format(new Date(iso));
}

function rowLabel(row: FigureRow, language: string): string {
  if (row.names === undefined) return translate(language, row.key);
  return row.names[language] ?? row.names['en'] ?? translate(language, row.key);
}

function sectionTable(section: FigureSection, language: string): DocumentTable {
  const first = section.key === 'passages' ? 'checkpoint' : 'figure';
  return {
    heading: translate(language, `section.${section.key}`),
    header: [first, ...section.columns].map((key) => translate(language, key)),
    rows: section.rows.map((row) => [
      rowLabel(row, language),
      ...row.cells.map((cell) => formatCell(cell, language)),
    ]),
  };
}

function headlineTable(headlines: Headline[], language: string): DocumentTable {
  const signed = new Intl.NumberFormat(language, { signDisplay: 'exceptZero' });
  return {
    heading: translate(language, 'section.headlines'),
    header: ['figure', 'thisPeriod', 'previousPeriod', 'change'].map((key) =>
      translate(language, key),
    ),
    rows: headlines.map((headline) => [
      translate(language, headline.key),
      formatCell(headline.value, language),
      formatCell(headline.previous, language),
      headline.change === null ? '–' : signed.format(headline.change),
    ]),
  };
}

function correctionLinks(bulletin: PublishedBulletin, language: string): DocumentLink[] {
  const links: DocumentLink[] = [];
  const { corrects } = bulletin.content;
  if (corrects !== null) {
    const key = corrects.kind === 'retraction' ? 'correction.retracts' : 'correction.corrects';
    links.push({ label: translate(language, key), bulletinId: corrects.id });
  }
  for (const later of bulletin.correctedBy) {
    const key = later.kind === 'retraction' ? 'correction.retractedBy' : 'correction.correctedBy';
    links.push({ label: translate(language, key), bulletinId: later.id });
  }
  return links;
}

/**
 * The document of `bulletin` in `language` (one of its languages; the caller checks), with
 * dates in `timeZone`.
 */
export function bulletinDocument(
  bulletin: PublishedBulletin,
  language: string,
  timeZone: string,
): BulletinDocument {
  const { content } = bulletin;
  const date = (iso: string) => dateText(iso, language, timeZone);
  const text = content.texts[language] ?? '';
  const { sections, headlines } = content.figures;
  return {
    bulletinId: content.bulletinId,
    language,
    title: translate(language, `product.${content.product}`),
    lines: [
      translate(language, 'period', { from: date(content.periodFrom), to: date(content.periodTo) }),
      translate(language, 'published', { date: date(bulletin.publishedAt) }),
    ],
    logIndex: bulletin.logIndex,
    logLine: translate(language, 'logIndex', { index: String(bulletin.logIndex) }),
    text: text.trim() === '' ? translate(language, 'noText') : text,
    tables:
      headlines.length === 0
        ? []
        : [
            headlineTable(headlines, language),
            ...sections.map((section) => sectionTable(section, language)),
          ],
    legend: translate(language, 'legend'),
    corrections: correctionLinks(bulletin, language),
    versions: content.languages.map((code) => ({
      language: code,
      name: translate(code, 'languageName'),
    })),
  };
}
