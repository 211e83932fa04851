/** @jsxImportSource preact */
// The resident portal: a start page with four tasks, each a step of its own. The step is in
// the URL's fragment (#register, #status, #report, #follow-up) so the phone's back button
// returns to the start; nothing else ever goes into the URL. Codes handed from one step to the
// next (a new reference code to check, a new receipt code to follow) stay in memory.
import { useEffect, useRef, useState } from 'preact/hooks';
import { callApi } from './api.ts';
import { FollowUpView } from './follow-up-view.tsx';
import { LANGUAGES, CATALOGUES, translator } from './i18n/catalogues.ts';
import type { Language } from './i18n/catalogues.ts';
import { LocaleContext, storeLanguage, useLocale } from './language.ts';
import { storedDataset, storeDataset, useOnline } from './offline.ts';
import type { Place, Places } from './places.ts';
import { RegisterView } from './register-view.tsx';
import { ReportView } from './report-view.tsx';
import { StatusView } from './status-view.tsx';
import { Home, isStep } from './home.tsx';
import type { Step } from './home.tsx';

function stepOfHash(): Step {
  const name = location.hash.slice(1);
  return isStep(name) ? name : 'home';
}

function LanguageSwitch(props: { onChange: (language: Language) => void }) {
  const { t, language } = useLocale();
  return (
    <div class="language">
      <label for="language">{t('language')}</label>
      <select
        id="language"
        value={language}
        onChange={(event) => {
          const chosen = LANGUAGES.find((tag) => tag === event.currentTarget.value);
          if (chosen !== undefined) props.onChange(chosen);
        }}
      >
        {LANGUAGES.map((tag) => (
          <option key={tag} value={tag} lang={tag}>
            {CATALOGUES[tag].languageName}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Whether the server's data is a synthetic demo (remembered for an offline start). */
function useSynthetic(): boolean {
  const [dataset, setDataset] = useState(storedDataset());
  useEffect(() => {
    void callApi<{ dataset?: string }>('/api/v1').then((answer) => {
      if (!answer.ok) return;
      setDataset(answer.value.dataset);
      storeDataset(answer.value.dataset);
    });
  }, []);
  return dataset === 'synthetic-demo';
}

function usePlaces(): Places {
  const [places, setPlaces] = useState<Places>({ state: 'loading' });
  useEffect(() => {
    void callApi<{ places: Place[] }>('/api/v1/places?kind=settlement').then((answer) => {
      setPlaces(answer.ok ? { state: 'ready', places: answer.value.places } : { state: 'failed' });
    });
  }, []);
  return places;
}

/** What a step needs from the shell. */
interface StepProps {
  step: Step;
  places: Places;
  open: (step: Step, code?: string) => void;
  /** A code handed from the previous step, else ''. */
  code: string;
  /** Whether the reader moved here (the start then takes the focus), not just opened the page. */
  moved: boolean;
}

function StepView(props: StepProps) {
  const { step, places, open, code } = props;
  switch (step) {
    case 'home':
      return <Home open={open} focus={props.moved} />;
    case 'register':
      return (
        <RegisterView
          places={places}
          onCheck={(referenceCode) => {
            open('status', referenceCode);
          }}
        />
      );
    case 'status':
      return <StatusView initialCode={code} />;
    case 'report':
      return (
        <ReportView
          places={places}
          onFollowUp={(receiptCode) => {
            open('follow-up', receiptCode);
          }}
        />
      );
    case 'follow-up':
      return <FollowUpView initialCode={code} />;
  }
}

/** The portal in `initial` language. */
export function App(props: { initial: Language }) {
  const [language, setLanguage] = useState(props.initial);
  const [step, setStep] = useState<Step>(stepOfHash);
  const [code, setCode] = useState('');
  const [moved, setMoved] = useState(false);
  const current = useRef(step);
  current.current = step;
  const online = useOnline();
  const synthetic = useSynthetic();
  const places = usePlaces();
  const t = translator(language);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${t('title')} · ${t('brand')}`;
  }, [language]);
  useEffect(() => {
    // The back button, or a link: a step the page did not open itself (open() below has set
    // the step already when its own hash change arrives).
    const follow = () => {
      if (stepOfHash() === current.current) return;
      setCode('');
      setMoved(true);
      setStep(stepOfHash());
    };
    window.addEventListener('hashchange', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
    };
  }, []);
  const open = (next: Step, handedCode = '') => {
    current.current = next;
    location.hash = next === 'home' ? '' : next;
    setCode(handedCode);
    setMoved(true);
    setStep(next);
  };
  return (
    <LocaleContext.Provider value={{ language, t }}>
      <header>
        <p class="brand">{t('brand')}</p>
        <LanguageSwitch
          onChange={(chosen) => {
            setLanguage(chosen);
            storeLanguage(chosen);
          }}
        />
      </header>
      {synthetic ? (
        <p class="synthetic" role="note">
          {t('synthetic')}
        </p>
      ) : null}
      {online ? null : (
        <p class="offline" role="status">
          {t('offline')}
        </p>
      )}
      <main>
        <h1>{t('title')}</h1>
        {step === 'home' ? null : (
          <p>
            <a
              href="#"
              class="back"
              onClick={(event) => {
                event.preventDefault();
                open('home');
              }}
            >
              {t('back')}
            </a>
          </p>
        )}
        <StepView key={step} step={step} places={places} open={open} code={code} moved={moved} />
      </main>
      <footer>
        <p>{t('privacy')}</p>
      </footer>
    </LocaleContext.Provider>
  );
}
