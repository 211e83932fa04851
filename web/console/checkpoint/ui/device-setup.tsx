// Registering this device: once, online and signed in (the shell's password + TOTP session).
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';

/** The registration form; `register` makes the key, registers it and keeps it. */
export function DeviceSetup({
  online,
  register,
}: {
  online: boolean;
  register: (name: string) => Promise<void>;
}) {
  const { t } = useTranslation('checkpoint');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = new FormData(event.currentTarget).get('device-name');
    setBusy(true);
    setFailure(undefined);
    try {
      await register(typeof name === 'string' ? name.trim() : '');
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'internal';
      setFailure(code === 'network' ? t('device.needsConnection') : t('device.failed', { code }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="device-heading" className="checkpoint-card">
      <h3 id="device-heading">{t('device.heading')}</h3>
      <p>{t('device.intro')}</p>
      <form onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <label htmlFor="device-name">{t('device.name')}</label>
        <input
          id="device-name"
          name="device-name"
          defaultValue={t('device.defaultName')}
          required
          maxLength={100}
          autoComplete="off"
        />
        {online ? null : <p>{t('device.needsConnection')}</p>}
        {failure === undefined ? null : (
          <p className="error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" className="big" disabled={busy}>
          {busy ? t('device.registering') : t('device.register')}
        </button>
      </form>
    </section>
  );
}
