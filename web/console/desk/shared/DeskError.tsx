// A refused call said in the user's language by its catalogue code; announced at once.
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api.ts';
import { errorKeyOf } from './error-key.ts';

/** Shows `error`, or nothing. */
export function DeskError({ error }: { error: ApiError | undefined }) {
  const { t } = useTranslation('desk');
  if (error === undefined) return null;
  return (
    <p className="error" role="alert">
      {t(errorKeyOf(error.code), { code: error.code })}
    </p>
  );
}
