// A grading history: each grade with its reason, when, and whether it was the reader's own.
import { useTranslation } from 'react-i18next';
import { useDesk } from './desk-context.tsx';
import type { Grading } from './desk-types.ts';
import { formatInstant } from './format.ts';

/** The gradings, oldest first; `valueOf` says the grade. */
export function Gradings({
  heading,
  gradings,
  valueOf,
}: {
  heading: string;
  gradings: readonly Grading[];
  valueOf: (grading: Grading) => string;
}) {
  const { t, i18n } = useTranslation('desk');
  const { session } = useDesk();
  if (gradings.length === 0) return null;
  return (
    <details className="history">
      <summary>{heading}</summary>
      <ol>
        {gradings.map((grading) => (
          <li key={grading.version}>
            <strong>{valueOf(grading)}</strong> — {grading.reason} (
            {formatInstant(grading.at, i18n.language)},{' '}
            {grading.actor === session.id ? t('byYou') : t('byColleague')})
          </li>
        ))}
      </ol>
    </details>
  );
}
