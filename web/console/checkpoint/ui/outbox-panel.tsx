// What waits to be sent, always on screen: the count (announced when it changes), each capture
// with its time, place, headcount and outcome (a passage's, or one person's arrival), the server's refusal where there was one, and
// how sending stands (sending, next try, refused device). A refused capture can be sent again
// (a conflict with another device's capture may be gone) or removed.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { arrivalOutcomeOf } from '../capture/arrival-payload.ts';
import type { SyncItem } from '../capture/signed-capture.ts';
import type { Place } from '../device/device-store.ts';
import type { OutboxEntry } from '../outbox/outbox.ts';
import type { SyncState } from '../outbox/sync-loop.ts';
import { placeName } from './place-name.ts';

function SyncLine({
  sync,
  waiting,
  online,
}: {
  sync: SyncState;
  waiting: number;
  online: boolean;
}) {
  const { t, i18n } = useTranslation('checkpoint');
  if (!online && waiting > 0 && sync.kind !== 'refused') return <p>{t('sync.offline')}</p>;
  const time = (at: number) =>
    new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(at);
  switch (sync.kind) {
    case 'sending':
      return <p>{t('sync.sending')}</p>;
    case 'waiting':
      return waiting === 0 ? null : <p>{t('sync.waiting', { time: time(sync.retryAt) })}</p>;
    case 'refused':
      return (
        <p className="error" role="alert">
          {t('sync.refused', { code: sync.code })}
        </p>
      );
    case 'idle':
      if (waiting > 0) return null;
      return (
        <p>
          {sync.lastSentAt === undefined
            ? t('sync.idle')
            : t('sync.sentAt', { time: time(sync.lastSentAt) })}
        </p>
      );
  }
}

/** `item`'s line in the outbox's list: when, where, how many and with what outcome. */
function itemLine(
  item: SyncItem,
  place: (id: unknown) => string,
  timeOf: (iso: string) => string,
  t: TFunction<'checkpoint'>,
) {
  const { payload } = item;
  const time = timeOf(item.capturedAt);
  const arrival = arrivalOutcomeOf(item.type, payload);
  if (arrival !== undefined) {
    return t('outbox.personItem', {
      time,
      place: place(payload['placeId']),
      outcome: t(`arrival.${arrival}`),
    });
  }
  const outcome = typeof payload['outcome'] === 'string' ? payload['outcome'] : '';
  return t('outbox.item', {
    time,
    place: place(payload['checkpointId']),
    people: typeof payload['occupants'] === 'number' ? payload['occupants'] : 0,
    outcome: t(`outcome.${outcome}`),
  });
}

/** The outbox: count, list and sending state; `dismiss` removes a refused capture. */
export function OutboxPanel({
  outbox,
  sync,
  online,
  places,
  syncNow,
  dismiss,
  requeue,
}: {
  outbox: readonly OutboxEntry[];
  sync: SyncState;
  online: boolean;
  places: readonly Place[];
  syncNow: () => void;
  dismiss: (id: string) => void;
  requeue: (id: string) => void;
}) {
  const { t, i18n } = useTranslation('checkpoint');
  const waiting = outbox.filter((entry) => entry.rejection === undefined).length;
  const time = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(new Date(iso));
  const placeOf = (id: unknown) => {
    const place = places.find((known) => known.id === id);
    return place === undefined ? t('outbox.unknownPlace') : placeName(place, i18n.language);
  };
  return (
    <section aria-labelledby="outbox-heading" className="checkpoint-card outbox">
      <h3 id="outbox-heading">{t('outbox.heading')}</h3>
      <p className="outbox-count" role="status">
        {t('outbox.count', { waiting })}
      </p>
      <SyncLine sync={sync} waiting={waiting} online={online} />
      {outbox.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <ul className="outbox-list">
          {outbox.map(({ item, rejection }) => {
            return (
              <li key={item.id} className={rejection === undefined ? undefined : 'rejected'}>
                {itemLine(item, placeOf, time, t)}
                {rejection === undefined ? null : (
                  <>
                    <span className="error"> {t('outbox.rejected', { code: rejection.code })}</span>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        requeue(item.id);
                      }}
                    >
                      {t('outbox.requeue', { time: time(item.capturedAt) })}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        dismiss(item.id);
                      }}
                    >
                      {t('outbox.dismiss', { time: time(item.capturedAt) })}
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {waiting > 0 && online ? (
        <button type="button" onClick={syncNow} disabled={sync.kind === 'sending'}>
          {t('sync.now')}
        </button>
      ) : null}
    </section>
  );
}
