// The console: who is signed in (GET /api/v1/session), the sign-in form when nobody is, and the
// views the role may open, chosen by the URL's hash. With no network, a registered monitor's
// device opens under its owner (checkpoint/device/device-store.ts).
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from './api.ts';
import { offlineSession } from './checkpoint/device/device-store.ts';
import { LANGUAGES, SHELL } from './i18n/catalogues.ts';
import type { StaffSession } from './session.ts';
import { SignIn } from './sign-in.tsx';
import { viewsOf } from './views.ts';

type SessionState =
  { state: 'loading' } | { state: 'none' } | { state: 'in'; session: StaffSession };

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
            {SHELL[tag]?.languageName}
          </option>
        ))}
      </select>
    </div>
  );
}

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const follow = () => {
      setHash(location.hash);
    };
    addEventListener('hashchange', follow);
    return () => {
      removeEventListener('hashchange', follow);
    };
  }, []);
  return hash;
}

function SignedIn({ session, onSignedOut }: { session: StaffSession; onSignedOut: () => void }) {
  const { t } = useTranslation();
  const hash = useHash();
  const views = viewsOf(session.role);
  const current = views.find((view) => hash === `#/${view.id}`) ?? views[0];
  const signOut = () =>
    void api('DELETE', '/api/v1/session').then(onSignedOut, (error: unknown) => {
      // Signed out already (expired) is as good as signed out.
      if (error instanceof ApiError && error.status === 401) onSignedOut();
    });
  return (
    <>
      <div className="who">
        <span>{t('signedInAs', { name: session.name, role: t(`role.${session.role}`) })}</span>
        <button type="button" onClick={signOut}>
          {t('signOut')}
        </button>
      </div>
      {views.length > 1 ? (
        <nav aria-label={t('views')}>
          {views.map((view) => (
            <a
              key={view.id}
              href={`#/${view.id}`}
              aria-current={view === current ? 'page' : undefined}
            >
              {t(`view.${view.id}`)}
            </a>
          ))}
        </nav>
      ) : null}
      <main>
        {current === undefined ? (
          <p>{t('noView')}</p>
        ) : (
          <Suspense fallback={<p>{t('loading')}</p>}>
            <current.component session={session} />
          </Suspense>
        )}
      </main>
    </>
  );
}

/** The console. */
export function App() {
  const { t } = useTranslation();
  const [session, setSession] = useState<SessionState>({ state: 'loading' });
  useEffect(() => {
    // With no network at all, asking would only fail (and log a failed request).
    const asked = navigator.onLine
      ? api<StaffSession>('GET', '/api/v1/session')
      : Promise.reject(new ApiError('network', 0, 'offline'));
    asked.then(
      (found) => {
        setSession({ state: 'in', session: found });
      },
      async (error: unknown) => {
        // No server to ask (offline at a checkpoint): the registered device's owner works on,
        // in the views that need no server; anything else signs in again.
        const offline =
          error instanceof ApiError && error.code === 'network'
            ? await offlineSession()
            : undefined;
        setSession(offline === undefined ? { state: 'none' } : { state: 'in', session: offline });
      },
    );
  }, []);
  return (
    <>
      <header>
        <h1>{t('title')}</h1>
        <LanguageSwitch />
      </header>
      {session.state === 'loading' ? <p>{t('loading')}</p> : null}
      {session.state === 'none' ? (
        <main>
          <SignIn
            onSignedIn={(found) => {
              setSession({ state: 'in', session: found });
            }}
          />
        </main>
      ) : null}
      {session.state === 'in' ? (
        <SignedIn
          session={session.session}
          onSignedOut={() => {
            setSession({ state: 'none' });
          }}
        />
      ) : null}
    </>
  );
}
