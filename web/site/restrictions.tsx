// The mission's own access restrictions: published in full (DOMAIN.md §5, they concern the
// mission, not civilians), so the site lists them one by one as recorded, newest first, and
// counts the latest open data release's records by kind.
import { useTranslation } from 'react-i18next';
import { countBy, fetchOnce, latestRelease, loadPlaces, placeName } from './data.ts';
import type { Place } from './data.ts';
import { dateFormat } from './formats.ts';
import { ReleaseSection, Status, TableBox } from './ui.tsx';
import { useLoaded } from './use-loaded.ts';

/** A restriction as the public register lists it. */
interface Restriction {
  id: string;
  kind: string;
  occurredAt: string;
  placeId: string | null;
  durationMinutes: number | null;
  imposedBy: string | null;
  description: string;
}

const LATEST = 20;
const loadRestrictions = () => latestRelease('access_restrictions');
const loadRegister = async () => {
  const [register, places] = await Promise.all([
    fetchOnce<{ restrictions: Restriction[] }>(`/api/v1/access-restrictions?limit=${LATEST}`),
    loadPlaces(),
  ]);
  return { restrictions: register.restrictions, places };
};

/** The restrictions on the mission: the latest ones, and the release's count by kind. */
export function Restrictions() {
  const { t } = useTranslation();
  return (
    <ReleaseSection id="restrictions" title={t('restrictionsHeading')} load={loadRestrictions}>
      {({ rows }) => (
        <>
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
          <LatestRestrictions />
        </>
      )}
    </ReleaseSection>
  );
}

function LatestRestrictions() {
  const { t, i18n } = useTranslation();
  const loaded = useLoaded(loadRegister);
  const when = dateFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const where = (places: Place[], id: string | null) => {
    const place = places.find((p) => p.id === id);
    return place === undefined ? null : placeName(place, i18n.language);
  };
  return (
    <>
      <h3 id="restrictions-latest">{t('restrictionsLatest')}</h3>
      <Status loaded={loaded} empty={(register) => register.restrictions.length === 0}>
        {({ restrictions, places }) => (
          <ul className="restrictions" aria-labelledby="restrictions-latest">
            {restrictions.map((restriction) => (
              <li key={restriction.id}>
                <p>
                  <strong>{t(`restriction.${restriction.kind}`)}</strong>
                  {' · '}
                  <time dateTime={restriction.occurredAt}>
                    {when.format(new Date(restriction.occurredAt))}
                  </time>
                  {' · '}
                  {t('restrictionBy', {
                    place: where(places, restriction.placeId) ?? t('unknownPlace'),
                    party: restriction.imposedBy ?? t('unknownParty'),
                  })}
                  {restriction.durationMinutes === null
                    ? null
                    : ` · ${t('duration', { minutes: restriction.durationMinutes })}`}
                </p>
                <p className="description">{restriction.description}</p>
              </li>
            ))}
          </ul>
        )}
      </Status>
    </>
  );
}
