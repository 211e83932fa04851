// The verify page's DOM: fills the translated text, runs the checkpoint checks on load, then the
// record check for the newest record and for any record the reader asks for. Findings are kept
// as message keys, so switching the language re-renders them. Each results region is marked
// aria-busy while checking and carries data-state="done" once its findings are shown.
import type { Checkpoint } from '../../src/ledger/checkpoint.ts';
import { checkCheckpoint } from './check-checkpoint.ts';
import { checkRecord } from './check-record.ts';
import { fetchFromOrigin } from './fetch-log.ts';
import type { Finding, FindingStatus } from './finding.ts';
import type { MessageKey } from './i18n/en.ts';
import { CATALOGUES, LOCALES, isLocale, pickLocale, translate } from './i18n/translate.ts';
import type { Locale } from './i18n/translate.ts';

const STATUS_WORDS: Readonly<Record<FindingStatus, MessageKey>> = {
  ok: 'statusOk',
  fail: 'statusFail',
  info: 'statusInfo',
};
const LANGUAGE_KEY = 'vigil.verify.language';

interface PageState {
  locale: Locale;
  /** undefined while checking. */
  checkpointFindings: Finding[] | undefined;
  recordFindings: Finding[] | undefined;
  checkpoint: Checkpoint | undefined;
}

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`the page has no #${id}`);
  return found;
}

const checkpointRegion = element('checkpoint-results', HTMLDivElement);
const recordRegion = element('record-results', HTMLDivElement);
const recordForm = element('record-form', HTMLFormElement);
const recordInput = element('record-index', HTMLInputElement);
const languageSelect = element('language', HTMLSelectElement);

function initialLocale(): Locale {
  const asked =
    new URLSearchParams(location.search).get('lang') ?? localStorage.getItem(LANGUAGE_KEY);
  return isLocale(asked) ? asked : pickLocale(navigator.languages);
}

const state: PageState = {
  locale: initialLocale(),
  checkpointFindings: undefined,
  recordFindings: undefined,
  checkpoint: undefined,
};

function renderFinding(finding: Finding): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset['check'] = finding.check;
  item.dataset['status'] = finding.status;
  const status = document.createElement('span');
  status.className = 'status';
  status.textContent = `${translate(state.locale, STATUS_WORDS[finding.status])}:`;
  item.append(status, ' ', translate(state.locale, finding.key, finding.params));
  return item;
}

function renderRegion(region: HTMLElement, findings: readonly Finding[] | undefined): void {
  region.setAttribute('aria-busy', String(findings === undefined));
  region.dataset['state'] = findings === undefined ? 'checking' : 'done';
  if (findings === undefined) {
    const checking = document.createElement('p');
    checking.textContent = translate(state.locale, 'checking');
    region.replaceChildren(checking);
    return;
  }
  const list = document.createElement('ul');
  list.append(...findings.map(renderFinding));
  region.replaceChildren(list);
}

function render(): void {
  document.documentElement.lang = state.locale;
  document.title = translate(state.locale, 'title');
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
    const key = node.dataset['i18n'];
    if (key !== undefined && key in CATALOGUES.en) {
      node.textContent = translate(state.locale, key as MessageKey);
    }
  });
  renderRegion(checkpointRegion, state.checkpointFindings);
  renderRegion(recordRegion, state.recordFindings);
}

function fillLanguages(): void {
  languageSelect.replaceChildren(
    ...LOCALES.map((locale) => {
      const option = document.createElement('option');
      option.value = locale;
      option.lang = locale;
      option.textContent = CATALOGUES[locale].languageName;
      return option;
    }),
  );
  languageSelect.value = state.locale;
}

async function runRecordCheck(): Promise<void> {
  const { checkpoint } = state;
  const text = recordInput.value.trim();
  const index = /^[0-9]{1,16}$/.test(text) ? Number(text) : Number.NaN;
  state.recordFindings = undefined;
  render();
  if (checkpoint === undefined) {
    state.recordFindings = [{ check: 'record', status: 'fail', key: 'recordNoCheckpoint' }];
  } else if (!Number.isSafeInteger(index)) {
    state.recordFindings = [{ check: 'record', status: 'fail', key: 'recordInvalidIndex' }];
  } else {
    state.recordFindings = await checkRecord(fetchFromOrigin, index, checkpoint);
  }
  render();
}

async function start(): Promise<void> {
  fillLanguages();
  render();
  const report = await checkCheckpoint(fetchFromOrigin);
  state.checkpointFindings = report.findings;
  state.checkpoint = report.checkpoint;
  // The newest record by default: the one a reader most likely just received a receipt for.
  if (report.checkpoint !== undefined && report.checkpoint.size > 0) {
    recordInput.value = String(report.checkpoint.size - 1);
  }
  await runRecordCheck();
}

languageSelect.addEventListener('change', () => {
  if (!isLocale(languageSelect.value)) return;
  state.locale = languageSelect.value;
  localStorage.setItem(LANGUAGE_KEY, state.locale);
  render();
});
recordForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void runRecordCheck();
});
void start();
