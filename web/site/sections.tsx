// The dashboard's sections, each reading one published product (data.ts), each in its own file;
// the daily reports are here.
import { useTranslation } from 'react-i18next';
import { loadReports } from './first-screen.ts';
import { Section, Status } from './ui.tsx';
import { useLoaded } from './use-loaded.ts';

export { Commitments } from './commitments.tsx';
export { Incidents } from './incidents.tsx';
export { MapSection } from './map/map-section.tsx';
export { Passages } from './passages.tsx';
export { Restrictions } from './restrictions.tsx';

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
