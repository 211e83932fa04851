// The reconciliation table on a daily report's page and in its PDF, in each of the four
// languages, exactly as published; and a bulletin published before the table existed still
// renders, without it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PublishedBulletin } from './bulletin-content.ts';
import { bulletinDocument } from './bulletin-document.ts';
import type { BulletinFigures } from './bulletin-figures.ts';
import { renderBulletinPage, escapeHtml } from './bulletin-page.ts';
import { renderBulletinPdf } from './bulletin-pdf.ts';
import { reconciliationSection } from './bulletin-reconciliation.ts';
import { translate } from './i18n/translate.ts';
import { pdfText } from './pdf-text.fixture.ts';

const LANGUAGES = ['en', 'hy', 'ru', 'az'];
const ROW_KEYS = [
  'reconciliation.arrived',
  'reconciliation.held',
  'reconciliation.turnedBack',
  'reconciliation.died',
  'reconciliation.enRoute',
  'reconciliation.unaccounted',
  'reconciliation.departed',
];

// 1,234 arrived, 3 held ("<10", with a complement), none died.
const SECTION = reconciliationSection({
  arrived: 1234,
  held: 3,
  turnedBack: 40,
  died: 0,
  enRoute: 120,
  unaccounted: 25,
});

function published(figures: BulletinFigures): PublishedBulletin {
  return {
    content: {
      bulletinId: '0190a5b2-0000-7000-8000-000000000001',
      product: 'daily',
      periodFrom: '2023-09-23T15:30:00.000Z',
      periodTo: '2023-09-24T15:30:00.000Z',
      languages: LANGUAGES,
      texts: { en: 'Calm.', hy: 'Հանգիստ։', ru: 'Спокойно.', az: 'Sakit.' },
      figures,
      corrects: null,
    },
    publishedAt: '2023-09-24T16:30:00.000Z',
    logIndex: 41,
    correctedBy: [],
  };
}

const HEADLINE = {
  key: 'headline.passages',
  value: { kind: 'count', value: 0 },
  previous: { kind: 'count', value: 0 },
  change: 0,
} as const;
const WITH_TABLE = published({ sections: [SECTION], headlines: [HEADLINE] });
const BEFORE_TABLE = published({ sections: [], headlines: [HEADLINE] });

describe('the reconciliation table of a published daily report', () => {
  for (const language of LANGUAGES) {
    it(`is on the page and in the PDF in ${language}, cell for cell as published`, async () => {
      const document = bulletinDocument(WITH_TABLE, language, 'Asia/Yerevan');
      const table = document.tables.find(
        (t) => t.heading === translate(language, 'section.reconciliation'),
      );
      assert.ok(table !== undefined, 'the table is in the document');
      assert.deepEqual(
        table.rows.map((row) => row[0]),
        ROW_KEYS.map((key) => translate(language, key)),
      );
      // Numbers through Intl for the language; "<10" and "x" as published.
      const number = new Intl.NumberFormat(language);
      assert.equal(table.rows[0]?.[1], number.format(1230));
      assert.equal(table.rows[1]?.[1], '<10');
      assert.ok(table.rows.some((row) => row[1] === 'x'));
      const page = renderBulletinPage(document);
      assert.ok(page.includes(`<h2>${escapeHtml(table.heading)}</h2>`));
      for (const row of table.rows) {
        assert.ok(
          page.includes(`<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`),
          row[0],
        );
      }
      const text = pdfText(await renderBulletinPdf(document, new Date(WITH_TABLE.publishedAt)));
      assert.ok(text.includes(table.heading), 'the PDF has the heading');
      for (const row of table.rows) assert.ok(text.includes(row.join('   |   ')), row[0]);
    });
  }

  it('is absent, and nothing fails, on a bulletin published before it existed', async () => {
    for (const language of LANGUAGES) {
      const document = bulletinDocument(BEFORE_TABLE, language, 'Asia/Yerevan');
      const heading = translate(language, 'section.reconciliation');
      assert.ok(!renderBulletinPage(document).includes(heading));
      const pdf = await renderBulletinPdf(document, new Date(BEFORE_TABLE.publishedAt));
      assert.ok(!pdfText(pdf).includes(heading));
      assert.ok(pdfText(pdf).includes(translate(language, 'section.headlines')));
    }
  });
});
