// The dashboard's sections, each reading one published product (data.ts).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinEntry, Commitment, Release, Row } from './data.ts';
import { countBy, countByPair, fetchJson, lastDays, latestRelease } from './data.ts';
import type { Loaded } from './use-loaded.ts';
import { useLoaded } from './use-loaded.ts';

const cell = (value: Row[string] | undefined) =>
  value === null || value === undefined ? '' : String(value);

function Section(props: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** A table that scrolls sideways on its own on a narrow screen (reachable by keyboard). */
function TableBox(props: { captionId: string; children: ReactNode }) {
  return (
    <div className="scroll" tabIndex={0} role="region" aria-labelledby={props.captionId}>
      {props.children}
    </div>
  );
}

function Status<T>(props: {
  loaded: Loaded<T>;
  empty: (value: T) => boolean;
  children: (value: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (props.loaded.state === 'loading') return <p aria-busy="true">{t('loading')}</p>;
  if (props.loaded.state === 'failed') return <p role="alert">{t('failed')}</p>;
  if (props.empty(props.loaded.value)) return <p>{t('none')}</p>;
  return <>{props.children(props.loaded.value)}</>;
}

const loadReports = async () =>
  (await fetchJson<{ bulletins: BulletinEntry[] }>('/api/v1/bulletins?limit=7')).bulletins;

/** The latest daily reports, linked in the reader's language. */
export function Reports() {
  const { t, i18n } = useTranslation();
  const loaded = useLoaded(loadReports);
  return (
    <Section id="reports" title={t('reportsHeading')}>
      <Status loaded={loaded} empty={(list) => list.length === 0}>
        {(list) => (
          <ul className="reports">
            {list.map((bulletin) => (
              <li key={bulletin.id}>
                <a href={`/bulletins/${bulletin.id}?lang=${i18n.language}`}>
                  {t('reportsFor', { date: bulletin.periodTo.slice(0, 10) })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Status>
    </Section>
  );
}

/** A section drawn from the latest release of one open dataset ("nothing yet" without one). */
function ReleaseSection(props: {
  id: string;
  title: string;
  load: () => Promise<Release | null>;
  children: (release: Release) => ReactNode;
}) {
  const loaded = useLoaded(props.load);
  return (
    <Section id={props.id} title={props.title}>
      <Status loaded={loaded} empty={(release) => release === null || release.rows.length === 0}>
        {(release) => props.children(release as Release)}
      </Status>
    </Section>
  );
}

const loadPassages = () => latestRelease('checkpoint_daily');

/** Passages of the last seven reporting days, by checkpoint and direction, as released. */
export function Passages() {
  const { t } = useTranslation();
  return (
    <ReleaseSection id="passages" title={t('passagesHeading')} load={loadPassages}>
      {(release) => <PassagesTable release={release} />}
    </ReleaseSection>
  );
}

function PassagesTable({ release }: { release: Release }) {
  const { t } = useTranslation();
  const rows = lastDays(release.rows, 'date', 7);
  const dates = rows.map((row) => cell(row['date']));
  return (
    <TableBox captionId="passages-caption">
      <table>
        <caption id="passages-caption">
          {t('passagesCaption', { from: dates.at(-1), to: dates[0], version: release.version })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('day')}</th>
            <th scope="col">{t('checkpoint')}</th>
            <th scope="col">{t('direction')}</th>
            <th scope="col" className="number">
              {t('people')}
            </th>
            <th scope="col" className="number">
              {t('vehicles')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <td>{cell(row['date'])}</td>
              <td>{cell(row['checkpoint'])}</td>
              <td>{t(`direction.${cell(row['direction'])}`)}</td>
              <td className="number">{cell(row['people'])}</td>
              <td className="number">{cell(row['vehicles'])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

const loadIncidents = () => latestRelease('incidents');

/** Verified incidents of the latest release by event type and verification status. */
export function Incidents() {
  const { t } = useTranslation();
  return (
    <ReleaseSection id="incidents" title={t('incidentsHeading')} load={loadIncidents}>
      {({ version, rows }) => (
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
              {countByPair(rows, 'event_type', 'verification_status').map(({ key, counts }) => (
                <tr key={key}>
                  <th scope="row">{key}</th>
                  <td className="number">{counts['verified'] ?? 0}</td>
                  <td className="number">{counts['verified_corrected'] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
    </ReleaseSection>
  );
}

const loadRestrictions = () => latestRelease('access_restrictions');

/** The mission's own access restrictions of the latest release, by kind. */
export function Restrictions() {
  const { t } = useTranslation();
  return (
    <ReleaseSection id="restrictions" title={t('restrictionsHeading')} load={loadRestrictions}>
      {({ rows }) => (
        <TableBox captionId="restrictions-caption">
          <table>
            <caption id="restrictions-caption">{t('restrictionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kind')}</th>
                <th scope="col" className="number">
                  {t('count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {countBy(rows, 'kind').map(([kind, count]) => (
                <tr key={kind}>
                  <th scope="row">{t(`restriction.${kind}`)}</th>
                  <td className="number">{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
    </ReleaseSection>
  );
}

const loadCommitments = async () =>
  (await fetchJson<{ commitments: Commitment[] }>('/api/v1/commitments?limit=20')).commitments;

/** The parties' public commitments, in the reader's language where translated. */
export function Commitments() {
  const { t, i18n } = useTranslation();
  const loaded = useLoaded(loadCommitments);
  return (
    <Section id="commitments" title={t('commitmentsHeading')}>
      <Status loaded={loaded} empty={(list) => list.length === 0}>
        {(list) => (
          <ul className="commitments">
            {list.map((commitment) => (
              <li key={commitment.id}>
                <blockquote>{commitment.translations[i18n.language] ?? commitment.text}</blockquote>
                <p>{t('madeOn', { date: commitment.madeOn, party: commitment.party })}</p>
              </li>
            ))}
          </ul>
        )}
      </Status>
    </Section>
  );
}
