// The public site (issue 5): asks for the first screen's figures, starts i18next in the reader's
// language — the one chosen before (kept in this browser), else the browser's, else English —
// and renders the dashboard. Each step is a task of its own, so that on a cheap phone the page
// never stops answering for long while it starts, and the first requests go out at once.
import i18next from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { App } from './App.tsx';
import { askFirstScreen } from './first-screen.ts';
import { CATALOGUES, LANGUAGES } from './i18n/catalogues.ts';

const STORED = 'vigil.language';

/** Lets the browser do what is waiting (send requests, paint, answer a tap) before going on. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, 0);
  });

// The network works on the first figures while the script starts i18next and draws the page.
askFirstScreen();
await nextTask();

function firstLanguage(): string {
  const chosen = localStorage.getItem(STORED);
  if (chosen !== null && LANGUAGES.includes(chosen)) return chosen;
  const browser = navigator.languages.map((tag) => tag.split('-')[0] ?? '');
  return browser.find((tag) => LANGUAGES.includes(tag)) ?? 'en';
}

// The browser's storage is opened here, the first time the page reads it.
const language = firstLanguage();
await nextTask();
await i18next.use(initReactI18next).init({
  resources: Object.fromEntries(
    Object.entries(CATALOGUES).map(([tag, catalogue]) => [tag, { translation: catalogue }]),
  ),
  lng: language,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
await nextTask();
const follow = (chosen: string) => {
  document.documentElement.lang = chosen;
  document.title = i18next.t('title');
  localStorage.setItem(STORED, chosen);
};
follow(i18next.language);
i18next.on('languageChanged', follow);
await nextTask();

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
