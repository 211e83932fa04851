// The reconciliation of the latest daily report (DOMAIN.md §4: departed = arrived + held +
// turned back + died + en route + unaccounted): the people who left during that reporting day
// and where they were at its cut-off, cell for cell as the report published it — read from the
// report's published content (GET /api/v1/bulletins/:id, the log entry's body). Nothing is added
// up or recomputed here: "<5", "<10" and "x" stay as they are, so the site needs no disclosure
// control of its own. The cells are printed by the disclosure module's own formatter.
import { useTranslation } from 'react-i18next';
import { formatCell } from '../../src/transparency/disclosure/published-cell.ts';
import type { PublishedCell } from '../../src/transparency/disclosure/published-cell.ts';
import { fetchJson } from './data.ts';
import { dateFormat } from './formats.ts';
import { Section, Status, TableBox } from './ui.tsx';
import { useLoaded } from './use-loaded.ts';

/** A bulletin as the public list gives it. */
interface Listed {
  id: string;
  product: string;
  periodTo: string;
  corrects: { id: string; kind: string } | null;
}

/** One row of a published figures table: a message key and its cells. */
interface PublishedRow {
  key: string;
  cells: PublishedCell[];
}

/** What the site reads of a published bulletin's content. */
interface Published {
  content: { figures: { sections: { key: string; rows: PublishedRow[] }[] } };
}

/** The latest daily report's date and id, and its reconciliation rows (null: it has none). */
export interface LatestReconciliation {
  bulletinId: string;
  date: string;
  rows: PublishedRow[] | null;
}

/**
 * The latest daily report that was not retracted (a correction carries the figures of the
 * report it corrects, so the original is shown), or null before the first one.
 */
async function loadReconciliation(): Promise<LatestReconciliation | null> {
  const { bulletins } = await fetchJson<{ bulletins: Listed[] }>('/api/v1/bulletins?limit=50');
  const retracted = new Set(
    bulletins.flatMap((b) => (b.corrects?.kind === 'retraction' ? [b.corrects.id] : [])),
  );
  const latest = bulletins
    .filter((b) => b.product === 'daily' && b.corrects === null && !retracted.has(b.id))
    .sort((a, b) => b.periodTo.localeCompare(a.periodTo))[0];
  if (latest === undefined) return null;
  const report = await fetchJson<Published>(`/api/v1/bulletins/${latest.id}`);
  const section = report.content.figures.sections.find((s) => s.key === 'reconciliation');
  return { bulletinId: latest.id, date: latest.periodTo.slice(0, 10), rows: section?.rows ?? null };
}

/** A report's date (YYYY-MM-DD, as the reports list names it) in the reader's language. */
function dateText(date: string, language: string): string {
  return dateFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

function ReconciliationTable(props: { date: string; rows: PublishedRow[] }) {
  const { t, i18n } = useTranslation();
  const { date } = props;
  return (
    <>
      <TableBox captionId="reconciliation-caption">
        <table>
          <caption id="reconciliation-caption">{t('reconciliationCaption', { date })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reconciliationOutcome')}</th>
              <th scope="col" className="number">
                {t('reconciliationPeople')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{t(row.key)}</th>
                <td className="number">
                  {row.cells[0] === undefined ? '' : formatCell(row.cells[0], i18n.language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
      <p>{t('reconciliationNote')}</p>
    </>
  );
}

function Body(props: { latest: LatestReconciliation }) {
  const { t, i18n } = useTranslation();
  const { latest } = props;
  const date = dateText(latest.date, i18n.language);
  return (
    <>
      {latest.rows === null ? (
        <p>{t('reconciliationNone', { date })}</p>
      ) : (
        <ReconciliationTable date={date} rows={latest.rows} />
      )}
      <p>
        <a href={`/bulletins/${latest.bulletinId}?lang=${i18n.language}`}>
          {t('reconciliationReport', { date })}
        </a>
      </p>
    </>
  );
}

/** The reconciliation section of the dashboard. */
export function Reconciliation() {
  const { t } = useTranslation();
  const loaded = useLoaded(loadReconciliation);
  return (
    <Section id="reconciliation" title={t('reconciliationHeading')}>
      <Status loaded={loaded} empty={(latest) => latest === null}>
        {(latest) => (latest === null ? null : <Body latest={latest} />)}
      </Status>
    </Section>
  );
}
