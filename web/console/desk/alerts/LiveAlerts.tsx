// The desk's live strip: whether alerts arrive live, and each alert raised while the desk is
// open, announced by screen readers as it comes (an aria-live region) and shown at once.
import { useTranslation } from 'react-i18next';
import { AlertLine, useAlertSentence } from './AlertLine.tsx';
import type { Alerts } from './use-alerts.ts';

/** Most arrived alerts the strip shows; the alerts section lists them all. */
const SHOWN = 3;

/** The live strip; `onShow` opens the alerts section. */
export function LiveAlerts({ alerts, onShow }: { alerts: Alerts; onShow: () => void }) {
  const { t } = useTranslation('desk');
  const sentence = useAlertSentence();
  const latest = alerts.arrived[0];
  return (
    <aside className="live-alerts" aria-labelledby="live-alerts-heading">
      <div className="live-alerts-head">
        <h3 id="live-alerts-heading">{t('alerts.live')}</h3>
        <span className={`stream stream-${alerts.stream}`}>{t(`stream.${alerts.stream}`)}</span>
        <button type="button" className="secondary" onClick={onShow}>
          {t('alerts.showAll', { count: alerts.list.length })}
        </button>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {latest === undefined ? '' : t('alerts.announce', { text: sentence(latest) })}
      </p>
      {alerts.arrived.length === 0 ? (
        <p className="muted">{t('alerts.noneArrived')}</p>
      ) : (
        <ul className="arrived">
          {alerts.arrived.slice(0, SHOWN).map((alert) => (
            <li key={alert.id} data-alert-id={alert.id}>
              <AlertLine alert={alert} />
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
