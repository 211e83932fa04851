/** @jsxImportSource preact */
// The start of the portal: the four tasks, each a large button with a line saying what it
// needs, so a resident on a small phone finds theirs at a glance.
import { useEffect, useRef } from 'preact/hooks';
import type { MessageKey } from './i18n/en.ts';
import { useLocale } from './language.ts';

/** The portal's steps; each but the start is named in the URL's fragment. */
export const STEPS = ['home', 'register', 'status', 'report', 'follow-up'] as const;
/** One of STEPS. */
export type Step = (typeof STEPS)[number];

/** True when `name` is one of STEPS. */
export function isStep(name: string): name is Step {
  return (STEPS as readonly string[]).includes(name);
}

const TASKS: readonly [Step, MessageKey, MessageKey][] = [
  ['register', 'taskRegister', 'taskRegisterHint'],
  ['status', 'taskStatus', 'taskStatusHint'],
  ['report', 'taskReport', 'taskReportHint'],
  ['follow-up', 'taskFollowUp', 'taskFollowUpHint'],
];

/** The start; its heading takes the focus when the reader comes back to it (`focus`). */
export function Home(props: { open: (step: Step) => void; focus: boolean }) {
  const { t } = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (props.focus) heading.current?.focus();
  }, []);
  return (
    <section aria-labelledby="tasks-heading">
      <p>{t('intro')}</p>
      <h2 id="tasks-heading" tabIndex={-1} ref={heading}>
        {t('tasksHeading')}
      </h2>
      <ul class="tasks">
        {TASKS.map(([step, label, hint]) => (
          <li key={step}>
            <button
              type="button"
              class="task"
              id={`task-${step}`}
              aria-describedby={`task-${step}-hint`}
              onClick={() => {
                props.open(step);
              }}
            >
              {t(label)}
            </button>
            <p class="hint" id={`task-${step}-hint`}>
              {t(hint)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
