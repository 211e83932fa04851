// A refused call, said in the user's language: the catalogue code's message where the shell has
// one, else the code itself inside a generic sentence. Announced to screen readers.
import { useTranslation } from 'react-i18next';
import type { ApiError } from './api.ts';

const KNOWN = new Set(['unauthenticated', 'rate_limited', 'network']);

/** Shows `error`, or nothing. */
export function ErrorNote({ error }: { error: ApiError | undefined }) {
  const { t } = useTranslation();
  if (error === undefined) return null;
  const text = KNOWN.has(error.code)
    ? t(`error.${error.code}` as 'error.network')
    : t('error.other', { code: error.code });
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}
