// The analyst desk: triage, grading, duplicates, two-person verification, commitments, tracing.
import { useTranslation } from 'react-i18next';
import type { ViewProps } from '../views.ts';

/** The analyst desk. */
export function AnalystDesk({ session }: ViewProps) {
  const { t } = useTranslation('desk');
  return <h2 data-role={session.role}>{t('heading')}</h2>;
}
