// Released incidents over time: per reporting day by ACLED event type and by verification
// status, and in all by type and status. These are counts of released records, each public on
// its own, so they are exact. The open data holds verified incidents only; how many were reported
// and how many verified each day comes from the daily reports (reported-verified.tsx).
import { useTranslation } from 'react-i18next';
import { ChartFigure } from './charts/chart-figure.tsx';
import type { Release } from './data.ts';
import { countByPair, latestRelease } from './data.ts';
import { numberFormat } from './formats.ts';
import type { RecordCounts } from './series.ts';
import { recordsPerDay } from './series.ts';
import { EVENT_TYPES, labelOf } from './released-labels.ts';
import { ReportedVerified } from './reported-verified.tsx';
import { ReleaseSection, TableBox } from './ui.tsx';

const loadIncidents = () => latestRelease('incidents');

const STATUSES: Readonly<Record<string, string>> = {
  verified: 'verified',
  verified_corrected: 'corrected',
};

/** Released incidents by type and verification status, over time and in all. */
export function Incidents() {
  const { t } = useTranslation();
  return (
    <ReleaseSection id="incidents" title={t('incidentsHeading')} load={loadIncidents}>
      {(release) => <IncidentCharts release={release} />}
    </ReleaseSection>
  );
}

function IncidentCharts({ release }: { release: Release }) {
  const { t, i18n } = useTranslation();
  const typeLabel = labelOf(t, EVENT_TYPES, 'eventType.');
  const statusLabel = labelOf(t, STATUSES, '');
  const byType = recordsPerDay(release.rows, { dayColumn: 'reporting_date', column: 'event_type' });
  const byStatus = recordsPerDay(release.rows, {
    dayColumn: 'reporting_date',
    column: 'verification_status',
  });
  const lines = (counts: RecordCounts, label: (key: string) => string) =>
    counts.lines.map((line) => ({ label: label(line.key), values: line.counts }));
  const version = release.version;
  return (
    <>
      <ChartFigure
        id="incidents-type"
        caption={t('incidentsTypeChartCaption', { version })}
        days={byType.days}
        lines={lines(byType, typeLabel)}
        language={i18n.language}
      />
      <ChartFigure
        id="incidents-status"
        caption={t('incidentsStatusChartCaption', { version })}
        days={byStatus.days}
        lines={lines(byStatus, statusLabel)}
        language={i18n.language}
      />
      <PerDayTable
        caption={t('incidentsPerDayCaption', { version })}
        groups={[
          { title: t('eventType'), counts: byType, label: typeLabel },
          { title: t('verificationStatus'), counts: byStatus, label: statusLabel },
        ]}
      />
      <TableBox captionId="incidents-caption">
        <table>
          <caption id="incidents-caption">{t('incidentsCaption', { version })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('eventType')}</th>
              <th scope="col" className="number">
                {t('verified')}
              </th>
              <th scope="col" className="number">
                {t('corrected')}
              </th>
            </tr>
          </thead>
          <tbody>
            {countByPair(release.rows, 'event_type', 'verification_status').map(
              ({ key, counts }) => (
                <tr key={key}>
                  <th scope="row">{typeLabel(key)}</th>
                  <td className="number">{counts['verified'] ?? 0}</td>
                  <td className="number">{counts['verified_corrected'] ?? 0}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </TableBox>
      <ReportedVerified />
    </>
  );
}

/** Released incidents per reporting day, newest first: the figures of both charts. */
function PerDayTable(props: {
  caption: string;
  groups: { title: string; counts: RecordCounts; label: (key: string) => string }[];
}) {
  const { t, i18n } = useTranslation();
  const days = props.groups[0]?.counts.days ?? [];
  const number = numberFormat(i18n.language);
  return (
    <TableBox captionId="incidents-day-caption">
      <table>
        <caption id="incidents-day-caption">{props.caption}</caption>
        <thead>
          <tr>
            <td />
            {props.groups.map((group) => (
              <th key={group.title} scope="colgroup" colSpan={group.counts.lines.length}>
                {group.title}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">{t('day')}</th>
            {props.groups.flatMap((group) =>
              group.counts.lines.map((line) => (
                <th key={`${group.title}/${line.key}`} scope="col" className="number">
                  {group.label(line.key)}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {days
            .map((day, index) => ({ day, index }))
            .reverse()
            .map(({ day, index }) => (
              <tr key={day}>
                <th scope="row">{day}</th>
                {props.groups.flatMap((group) =>
                  group.counts.lines.map((line) => (
                    <td key={`${group.title}/${line.key}`} className="number">
                      {number.format(line.counts[index] ?? 0)}
                    </td>
                  )),
                )}
              </tr>
            ))}
        </tbody>
      </table>
    </TableBox>
  );
}
