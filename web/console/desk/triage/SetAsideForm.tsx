// Setting a new item aside with a reason (POST /api/v1/info-items/:id/set-aside): it leaves
// the queue but is kept, as every record is.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { DeskError } from '../shared/DeskError.tsx';
import type { InfoItem } from '../shared/desk-types.ts';
import { useAction } from '../shared/use-api.ts';

/** The set-aside form of `item`. */
export function SetAsideForm({ item, onSetAside }: { item: InfoItem; onSetAside: () => void }) {
  const { t } = useTranslation('desk');
  const action = useAction();
  const [reason, setReason] = useState('');
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const path = `/api/v1/info-items/${encodeURIComponent(item.id)}/set-aside`;
    const body = { reason, version: item.version };
    if ((await action.run(() => api('POST', path, body))) !== undefined) onSetAside();
  };
  return (
    <details className="panel">
      <summary>{t('setAside.heading')}</summary>
      <form onSubmit={(event) => void submit(event)} aria-busy={action.busy}>
        <label>
          {t('reason')}
          <input
            value={reason}
            required
            maxLength={500}
            onChange={(event) => {
              setReason(event.target.value);
            }}
          />
        </label>
        <DeskError error={action.error} />
        <button type="submit" disabled={action.busy}>
          {t('setAside.submit')}
        </button>
      </form>
    </details>
  );
}
