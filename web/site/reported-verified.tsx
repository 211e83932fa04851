// Incidents reported and verified per reporting day, as the daily reports published them: the
// open data lists verified incidents only, so the reports are where the unverified ones are
// counted. Read (one request per report) only when the chart comes near the screen.
import { useTranslation } from 'react-i18next';
import { ChartFigure } from './charts/chart-figure.tsx';
import type { DailyHeadlines, Headline, ListedBulletin } from './daily-reports.ts';
import { headlineSeries, standingDailyReports } from './daily-reports.ts';
import { fetchOnce } from './data.ts';
import { plottable } from './series.ts';
import { Status, TableBox } from './ui.tsx';
import { useCellText } from './use-cell-text.ts';
import { useLoaded } from './use-loaded.ts';
import { useNearViewport } from './use-near-viewport.ts';

/** The reports drawn: the latest month of reporting days. */
const DAYS = 31;
const KEYS = ['headline.incidentsReported', 'headline.incidentsVerified'];

const loadHeadlines = async (): Promise<DailyHeadlines[]> => {
  const { bulletins } = await fetchOnce<{ bulletins: ListedBulletin[] }>(
    '/api/v1/bulletins?limit=200',
  );
  const reports = standingDailyReports(bulletins).slice(-DAYS);
  return Promise.all(
    reports.map(async (report) => {
      const published = await fetchOnce<{
        content: { figures: { headlines: Headline[] } };
      }>(`/api/v1/bulletins/${report.id}`);
      return { day: report.periodTo.slice(0, 10), headlines: published.content.figures.headlines };
    }),
  );
};

/** The chart and table of reported and verified incidents, once near the screen. */
export function ReportedVerified() {
  const { t } = useTranslation();
  const [box, near] = useNearViewport<HTMLDivElement>();
  return (
    <div ref={box}>
      <h3 id="reported-verified">{t('reportedVerifiedHeading')}</h3>
      {near ? <Loaded /> : <p aria-busy="true">{t('loading')}</p>}
    </div>
  );
}

function Loaded() {
  const { t, i18n } = useTranslation();
  const loaded = useLoaded(loadHeadlines);
  const cellText = useCellText();
  const label = (key: string) => t(key === KEYS[0] ? 'reported' : 'verified');
  return (
    <Status loaded={loaded} empty={(reports) => reports.length === 0}>
      {(reports) => {
        const series = headlineSeries(reports, KEYS);
        return (
          <>
            <ChartFigure
              id="reported-verified"
              caption={t('reportedVerifiedCaption')}
              days={series.days}
              lines={series.lines.map((line) => ({
                label: label(line.key),
                values: line.cells.map(plottable),
              }))}
              language={i18n.language}
            />
            <TableBox captionId="reported-verified-caption">
              <table>
                <caption id="reported-verified-caption">{t('reportedVerifiedTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('day')}</th>
                    {series.lines.map((line) => (
                      <th key={line.key} scope="col" className="number">
                        {label(line.key)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {series.days
                    .map((day, index) => ({ day, index }))
                    .reverse()
                    .map(({ day, index }) => (
                      <tr key={day}>
                        <th scope="row">{day}</th>
                        {series.lines.map((line) => (
                          <td key={line.key} className="number">
                            {cellText(line.cells[index])}
                          </td>
                        ))}
                      </tr>
                    ))}
                </tbody>
              </table>
            </TableBox>
          </>
        );
      }}
    </Status>
  );
}
