// Sign-in with name, password and the TOTP code (POST /api/v1/session sets the HttpOnly cookie).
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from './api.ts';
import { ErrorNote } from './error-note.tsx';
import type { StaffSession } from './session.ts';

/** The sign-in form; `onSignedIn` gets the new session. */
export function SignIn({ onSignedIn }: { onSignedIn: (session: StaffSession) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    setBusy(true);
    try {
      const body = { name: field('name'), password: field('password'), totp: field('totp') };
      onSignedIn(await api<StaffSession>('POST', '/api/v1/session', body));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('internal', 0, String(caught)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="sign-in" onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h2>{t('signInHeading')}</h2>
      <label>
        {t('name')}
        <input name="name" autoComplete="username" required />
      </label>
      <label>
        {t('password')}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <label>
        {t('totp')}
        <input
          name="totp"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          required
        />
      </label>
      <ErrorNote error={error} />
      <button type="submit" disabled={busy}>
        {t('signIn')}
      </button>
    </form>
  );
}
