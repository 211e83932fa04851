// The verbatim account of an item, read only on purpose: the account may name people, so the
// server seals each read (who, which item, why) in the log before answering
// (POST /api/v1/info-items/:id/account). The text stays in this component's memory only.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessPurpose } from '../../../../src/people/access.ts';
import { api } from '../../api.ts';
import { DeskError } from '../shared/DeskError.tsx';
import { useAction } from '../shared/use-api.ts';

/** The purposes an analyst reads an account for. */
const PURPOSES = [
  'verification',
  'protection',
  'oversight',
  'tracing',
] as const satisfies readonly AccessPurpose[];

interface Account {
  language: string;
  account: string;
}

/** Reads item `id`'s account for a chosen purpose. */
export function AccountReader({ id }: { id: string }) {
  const { t } = useTranslation('desk');
  const action = useAction();
  const [purpose, setPurpose] = useState<AccessPurpose>('verification');
  const [account, setAccount] = useState<Account | undefined>();
  const read = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await action.run(() =>
      api<Account>('POST', `/api/v1/info-items/${encodeURIComponent(id)}/account`, { purpose }),
    );
    if (answer !== undefined) setAccount(answer);
  };
  if (account !== undefined) {
    return (
      <section className="account" aria-labelledby="account-heading">
        <h5 id="account-heading">{t('account.heading')}</h5>
        <blockquote lang={account.language}>{account.account}</blockquote>
        <p className="muted">{t('account.audited', { purpose: t(`purpose.${purpose}`) })}</p>
      </section>
    );
  }
  return (
    <form className="panel" onSubmit={(event) => void read(event)} aria-busy={action.busy}>
      <h5>{t('account.heading')}</h5>
      <p className="muted">{t('account.warning')}</p>
      <label>
        {t('account.purpose')}
        <select
          value={purpose}
          onChange={(event) => {
            const chosen = PURPOSES.find((value) => value === event.target.value);
            if (chosen !== undefined) setPurpose(chosen);
          }}
        >
          {PURPOSES.map((value) => (
            <option key={value} value={value}>
              {t(`purpose.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <DeskError error={action.error} />
      <button type="submit" disabled={action.busy}>
        {t('account.read')}
      </button>
    </form>
  );
}
