// The public site's one page: the mission's published figures, in the reader's language.
import { useTranslation } from 'react-i18next';
import { fetchJson } from './data.ts';
import { LANGUAGES, CATALOGUES } from './i18n/catalogues.ts';
import { Commitments, Incidents, Passages, Reports, Restrictions } from './sections.tsx';
import { useLoaded } from './use-loaded.ts';

const loadServer = () => fetchJson<{ dataset?: string }>('/api/v1');

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language">
      <label htmlFor="language">{t('language')}</label>
      <select
        id="language"
        value={i18n.language}
        onChange={(event) => void i18n.changeLanguage(event.target.value)}
      >
        {LANGUAGES.map((tag) => (
          <option key={tag} value={tag} lang={tag}>
            {CATALOGUES[tag]?.languageName}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The dashboard. */
export function App() {
  const { t } = useTranslation();
  const server = useLoaded(loadServer);
  const synthetic = server.state === 'ready' && server.value.dataset === 'synthetic-demo';
  return (
    <>
      <header>
        <h1>{t('title')}</h1>
        <LanguageSwitch />
      </header>
      {synthetic ? (
        <p className="synthetic" role="note">
          {t('synthetic')}
        </p>
      ) : null}
      <main>
        <p>{t('intro')}</p>
        <p className="legend">{t('legend')}</p>
        <Reports />
        <Passages />
        <Incidents />
        <Restrictions />
        <Commitments />
        <section aria-labelledby="more">
          <h2 id="more">{t('moreHeading')}</h2>
          <ul>
            <li>
              <a href="/verify">{t('verifyLink')}</a>
            </li>
            <li>
              <a href="/api/v1/open-data">{t('openDataLink')}</a>
            </li>
            <li>
              <a href="/feeds/all.en.atom">{t('feedLink')}</a>
            </li>
          </ul>
        </section>
      </main>
    </>
  );
}
