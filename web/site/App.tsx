// The public site's one page: the mission's published figures, in the reader's language.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { loadServer } from './first-screen.ts';
import { LANGUAGES, CATALOGUES } from './i18n/catalogues.ts';
import { Reconciliation } from './reconciliation.tsx';
import {
  Commitments,
  Incidents,
  MapSection,
  Passages,
  Reports,
  Restrictions,
} from './sections.tsx';
import { LaterSection } from './ui.tsx';
import { useHashView } from './use-hash-view.ts';
import { useLoaded } from './use-loaded.ts';

// The methodology page and its text load only when it is opened.
const Methodology = lazy(async () => ({
  default: (await import('./methodology/methodology.tsx')).Methodology,
}));

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

/** The dashboard's figures, the first screen's first, the others as the reader comes near. */
function Dashboard() {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('intro')}</p>
      <p className="legend">
        {t('legend')} <a href="#methodology">{t('methodologyLink')}</a>
      </p>
      <Reports />
      <Passages />
      {/* Below the first screen: each loads and draws when the reader comes near it. */}
      <LaterSection id="reconciliation" title={t('reconciliationHeading')}>
        <Reconciliation />
      </LaterSection>
      <LaterSection id="incidents" title={t('incidentsHeading')}>
        <Incidents />
      </LaterSection>
      <LaterSection id="map" title={t('mapHeading')}>
        <MapSection />
      </LaterSection>
      <LaterSection id="restrictions" title={t('restrictionsHeading')}>
        <Restrictions />
      </LaterSection>
      <LaterSection id="commitments" title={t('commitmentsHeading')}>
        <Commitments />
      </LaterSection>
      <section aria-labelledby="more">
        <h2 id="more">{t('moreHeading')}</h2>
        <ul>
          <li>
            <a href="#methodology">{t('methodologyLink')}</a>
          </li>
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
    </>
  );
}

/** The page: its header, the demo notice, and the dashboard or the methodology. */
export function App() {
  const { t } = useTranslation();
  const server = useLoaded(loadServer);
  const synthetic = server.state === 'ready' && server.value.dataset === 'synthetic-demo';
  const view = useHashView();
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
      {view === 'methodology' ? (
        <main>
          <Suspense fallback={<p aria-busy="true">{t('loading')}</p>}>
            <Methodology />
          </Suspense>
        </main>
      ) : null}
      {/* Kept mounted while the methodology shows, so going back keeps choices and data; drawn
          once the server has said whether its data is synthetic, so the notice above does not
          push the figures down under the reader's eyes (the first screen's requests went out
          as the page started: first-screen.ts). */}
      <main hidden={view === 'methodology' || server.state === 'loading'}>
        {server.state === 'loading' ? null : <Dashboard />}
      </main>
    </>
  );
}
