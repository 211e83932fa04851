// The public HTML page of a published bulletin in one language. Server-rendered; every piece of
// text — narratives are free text written by staff, names come from the gazetteer — is escaped,
// and there is no script at all (the global CSP allows none inline).
import type { BulletinDocument, DocumentTable } from './bulletin-document.ts';
import { translate } from './i18n/translate.ts';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * `text` safe inside HTML text and quoted attributes.
 *
 * @example escapeHtml('<b>') // '&lt;b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** The page's URL path of bulletin `id` in `language`. */
export function pagePath(id: string, language: string): string {
  return `/bulletins/${encodeURIComponent(id)}?lang=${encodeURIComponent(language)}`;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
line-height:1.5}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #999;
padding:.25rem .5rem;text-align:left}td:not(:first-child){text-align:right}.text{white-space:pre-wrap}
.scroll{overflow-x:auto}`;

function table(data: DocumentTable): string {
  const cells = (row: string[], tag: string) =>
    row.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('');
  const body = data.rows.map((row) => `<tr>${cells(row, 'td')}</tr>`).join('\n');
  // A table wider than a phone's screen scrolls on its own, not the page; the region is named
  // and focusable so that a keyboard can scroll it.
  return `<h2>${escapeHtml(data.heading)}</h2>
<div class="scroll" role="region" tabindex="0" aria-label="${escapeHtml(data.heading)}">
<table><thead><tr>${cells(data.header, 'th')}</tr></thead>
<tbody>
${body}
</tbody></table></div>`;
}

function link(href: string, text: string, attributes = ''): string {
  return `<a href="${escapeHtml(href)}"${attributes}>${escapeHtml(text)}</a>`;
}

/** The whole page. */
export function renderBulletinPage(document: BulletinDocument): string {
  const { bulletinId: id, language } = document;
  const base = `/bulletins/${encodeURIComponent(id)}`;
  const versions = document.versions
    .map((version) =>
      version.language === language
        ? `<li><strong lang="${escapeHtml(version.language)}">${escapeHtml(version.name)}</strong></li>`
        : `<li>${link(pagePath(id, version.language), version.name, ` lang="${escapeHtml(version.language)}" hreflang="${escapeHtml(version.language)}"`)}</li>`,
    )
    .join('');
  const corrections = document.corrections
    .map(
      (c) =>
        `<p class="correction">${escapeHtml(c.label)} ${link(pagePath(c.bulletinId, language), c.bulletinId)}</p>`,
    )
    .join('\n');
  // The empty icon keeps the browser from asking for /favicon.ico, which nothing serves.
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(`${document.title} — ${document.lines[0] ?? ''}`)}</title>
<style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(document.title)}</h1>
${document.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
${corrections}
<p>${escapeHtml(document.logLine)} · ${link(`${base}/proof`, translate(language, 'proof'), ' id="proof"')} · ${link(`${base}/pdf?lang=${encodeURIComponent(language)}`, translate(language, 'pdf'), ' id="pdf"')}</p>
<nav aria-label="${escapeHtml(translate(language, 'versions'))}"><h2>${escapeHtml(translate(language, 'versions'))}</h2><ul>${versions}</ul></nav>
<div class="text">${escapeHtml(document.text)}</div>
${document.tables.map(table).join('\n')}
${document.tables.length === 0 ? '' : `<p>${escapeHtml(document.legend)}</p>`}
</body></html>
`;
}
