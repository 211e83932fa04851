// Opening an incident from a new item (POST /api/v1/incidents, state `triaged`: the analyst has
// read the item): the content prefilled from the item, a reason, and on success the incident
// opens in the verification section.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { DeskError } from '../shared/DeskError.tsx';
import { useDesk } from '../shared/desk-context.tsx';
import type { InfoItem, IncidentView } from '../shared/desk-types.ts';
import { useAction } from '../shared/use-api.ts';
import { contentOf, draftFromItem } from './incident-draft.ts';
import type { IncidentDraft } from './incident-draft.ts';
import { IncidentFields } from './IncidentFields.tsx';

/** The form opening an incident from `item`. */
export function OpenIncidentForm({ item }: { item: InfoItem }) {
  const { t } = useTranslation('desk');
  const { go } = useDesk();
  const action = useAction();
  const [draft, setDraft] = useState<IncidentDraft>(() => draftFromItem(item, new Date()));
  const [reason, setReason] = useState('');
  const change = (patch: Partial<IncidentDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
  };
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = { itemIds: [item.id], state: 'triaged', content: contentOf(draft), reason };
    const view = await action.run(() => api<IncidentView>('POST', '/api/v1/incidents', body));
    if (view !== undefined) go('incidents', view.incident.id);
  };
  return (
    <details className="panel">
      <summary>{t('openIncident.heading')}</summary>
      <form onSubmit={(event) => void submit(event)} aria-busy={action.busy}>
        <IncidentFields draft={draft} change={change} />
        <label>
          {t('reason')}
          <input
            value={reason}
            required
            maxLength={1000}
            onChange={(event) => {
              setReason(event.target.value);
            }}
          />
        </label>
        <DeskError error={action.error} />
        <button type="submit" disabled={action.busy}>
          {t('openIncident.submit')}
        </button>
      </form>
    </details>
  );
}
