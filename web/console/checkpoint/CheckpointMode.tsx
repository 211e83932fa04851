// Checkpoint mode for monitors: record passages offline, sync exactly once.
import { useTranslation } from 'react-i18next';
import type { ViewProps } from '../views.ts';

/** The checkpoint mode. */
export function CheckpointMode({ session }: ViewProps) {
  const { t } = useTranslation('checkpoint');
  return <h2 data-role={session.role}>{t('heading')}</h2>;
}
