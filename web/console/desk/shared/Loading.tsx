// What a section shows while its GET runs or after it failed; its children once loaded.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskError } from './DeskError.tsx';
import type { Loaded } from './use-api.ts';

/** Renders `children(value)` once `loaded` is ready. */
export function Loading<T>({
  loaded,
  children,
}: {
  loaded: Loaded<T>;
  children: (value: T) => ReactNode;
}) {
  const { t } = useTranslation('desk');
  if (loaded.state === 'loading') return <p aria-busy="true">{t('loading')}</p>;
  if (loaded.state === 'failed') return <DeskError error={loaded.error} />;
  return <>{children(loaded.value)}</>;
}
