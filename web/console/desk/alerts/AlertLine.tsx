// One alert in a sentence: what happened, where, how severe, when it was raised.
import { useTranslation } from 'react-i18next';
import { usePlaceName } from '../shared/desk-context.tsx';
import { formatInstant, formatNumber } from '../shared/format.ts';
import type { Alert } from './alert-list.ts';
import { alertText } from './alert-list.ts';

/** The sentence of `alert`. */
export function useAlertSentence(): (alert: Alert) => string {
  const { t, i18n } = useTranslation('desk');
  const placeName = usePlaceName();
  return (alert) => {
    const said = alertText(alert);
    const numbers = Object.fromEntries(
      Object.entries(said.numbers).map(([name, value]) => [
        name,
        formatNumber(value, i18n.language),
      ]),
    );
    const times = Object.fromEntries(
      Object.entries(said.times).map(([name, iso]) => [name, formatInstant(iso, i18n.language)]),
    );
    return t(said.key, {
      ...numbers,
      ...times,
      place: placeName(said.placeId),
      state: said.state === null ? '' : t(`heldState.${said.state}`),
      type: alert.type,
    });
  };
}

/** `alert` as a line: severity, sentence, time. */
export function AlertLine({ alert }: { alert: Alert }) {
  const { t, i18n } = useTranslation('desk');
  const sentence = useAlertSentence();
  return (
    <>
      <span className={`severity severity-${alert.severity}`}>
        {t(`severity.${alert.severity}`)}
      </span>{' '}
      <span>{sentence(alert)}</span>{' '}
      <time dateTime={alert.raisedAt}>{formatInstant(alert.raisedAt, i18n.language)}</time>
    </>
  );
}
