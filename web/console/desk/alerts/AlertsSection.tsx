// Every unacknowledged alert, newest first; coordinators acknowledge them
// (POST /api/v1/alerts/:id/acknowledge).
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { DeskError } from '../shared/DeskError.tsx';
import { useDesk } from '../shared/desk-context.tsx';
import { useAction } from '../shared/use-api.ts';
import type { Alert } from './alert-list.ts';
import { AlertLine } from './AlertLine.tsx';
import type { Alerts } from './use-alerts.ts';

function AlertItem({ alert, onAcknowledged }: { alert: Alert; onAcknowledged: () => void }) {
  const { t } = useTranslation('desk');
  const { session } = useDesk();
  const action = useAction();
  const mayAcknowledge = session.role === 'coordinator' || session.role === 'admin';
  const acknowledge = async () => {
    const done = await action.run(() =>
      api('POST', `/api/v1/alerts/${encodeURIComponent(alert.id)}/acknowledge`),
    );
    if (done !== undefined) onAcknowledged();
  };
  return (
    <li className={`alert alert-${alert.severity}`}>
      <AlertLine alert={alert} />
      {mayAcknowledge ? (
        <button type="button" disabled={action.busy} onClick={() => void acknowledge()}>
          {t('alerts.acknowledge')}
        </button>
      ) : null}
      <DeskError error={action.error} />
    </li>
  );
}

/** The alerts section. */
export function AlertsSection({ alerts }: { alerts: Alerts }) {
  const { t } = useTranslation('desk');
  if (alerts.list.length === 0) return <p>{t('alerts.none')}</p>;
  return (
    <ul className="records">
      {alerts.list.map((alert) => (
        <AlertItem
          key={alert.id}
          alert={alert}
          onAcknowledged={() => {
            alerts.remove(alert.id);
          }}
        />
      ))}
    </ul>
  );
}
