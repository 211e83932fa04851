// The staff console (issue 5): starts i18next in the user's language — the one chosen before
// (kept in this browser), else the browser's, else English — and renders the console.
import i18next from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { App } from './App.tsx';
import { registerOfflineWorker } from './checkpoint/device/offline-worker.ts';
import { LANGUAGES, resources } from './i18n/catalogues.ts';
import './style.css';

const STORED = 'vigil.language';

function firstLanguage(): string {
  const chosen = localStorage.getItem(STORED);
  if (chosen !== null && LANGUAGES.includes(chosen)) return chosen;
  const browser = navigator.languages.map((tag) => tag.split('-')[0] ?? '');
  return browser.find((tag) => LANGUAGES.includes(tag)) ?? 'en';
}

await i18next.use(initReactI18next).init({
  resources: resources(),
  ns: ['console', 'checkpoint', 'desk'],
  defaultNS: 'console',
  lng: firstLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
const follow = (language: string) => {
  document.documentElement.lang = language;
  document.title = i18next.t('title');
  localStorage.setItem(STORED, language);
};
follow(i18next.language);
i18next.on('languageChanged', follow);

registerOfflineWorker();

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
