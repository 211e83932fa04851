// Checkpoint mode for monitors (issue 5): works with no network at all. The device is registered
// once (online, signed in); the checkpoints and the roster of expected households are kept on it;
// a household is found by its QR code or typed reference code; a passage takes one tap on its
// outcome, is signed with the device's key and waits in the outbox, on screen, until the server
// has answered for it.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewProps } from '../views.ts';
import './checkpoint.css';
import type { PassageDraft } from './capture/passage-payload.ts';
import type { Checkpoint } from './use-checkpoint.ts';
import { useCheckpoint } from './use-checkpoint.ts';
import { DeviceSetup } from './ui/device-setup.tsx';
import { HouseholdFinder } from './ui/household-finder.tsx';
import type { Found } from './ui/household-finder.tsx';
import { OutboxPanel } from './ui/outbox-panel.tsx';
import { PassageForm } from './ui/passage-form.tsx';
import { StationPicker, storeStation, storedStation } from './ui/station-picker.tsx';
import type { Station } from './ui/station-picker.tsx';

function isComplete(station: Partial<Station>): station is Station {
  return station.checkpointId !== undefined && station.direction !== undefined;
}

function Lists({ checkpoint }: { checkpoint: Checkpoint }) {
  const { t, i18n } = useTranslation('checkpoint');
  const { roster, online, listsFailed } = checkpoint;
  const time = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(
      new Date(iso),
    );
  return (
    <div className="lists">
      {roster === undefined ? (
        <p>{t('lists.none')}</p>
      ) : (
        <p>
          {t('lists.downloaded', {
            time: time(roster.fetchedAt),
            households: roster.value.households.length,
          })}
        </p>
      )}
      {listsFailed ? <p>{t('lists.failed')}</p> : null}
      {online ? (
        <button type="button" className="secondary" onClick={() => void checkpoint.refreshLists()}>
          {t('lists.refresh')}
        </button>
      ) : null}
    </div>
  );
}

function Capture({ checkpoint, station }: { checkpoint: Checkpoint; station: Station }) {
  const { t, i18n } = useTranslation('checkpoint');
  const [found, setFound] = useState<Found | undefined>();
  // Kept as what happened, not as text, so that a change of language re-says it.
  const [notice, setNotice] = useState<{ recordedAt: string } | 'failed' | undefined>();
  const onFound = useCallback((next: Found) => {
    setNotice(undefined);
    setFound(next);
    // The form's heading takes the focus, so a keyboard or screen-reader user lands there.
    requestAnimationFrame(() => document.getElementById('passage-heading')?.focus());
  }, []);
  const record = async (draft: PassageDraft) => {
    try {
      const item = await checkpoint.record(draft);
      setNotice({ recordedAt: item.capturedAt });
    } catch {
      setNotice('failed');
    }
    setFound(undefined);
    requestAnimationFrame(() => document.getElementById('scan-button')?.focus());
  };
  return (
    <>
      {notice === undefined ? null : (
        <p className={notice === 'failed' ? 'error' : 'notice'} role="status">
          {notice === 'failed'
            ? t('passage.failed')
            : t('passage.recorded', {
                time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(
                  new Date(notice.recordedAt),
                ),
              })}
        </p>
      )}
      {found === undefined ? (
        <HouseholdFinder roster={checkpoint.roster?.value} onFound={onFound} />
      ) : (
        <PassageForm
          found={found}
          station={station}
          onRecord={record}
          onCancel={() => {
            setFound(undefined);
          }}
        />
      )}
    </>
  );
}

function Registered({ checkpoint, name }: { checkpoint: Checkpoint; name: string }) {
  const { t } = useTranslation('checkpoint');
  const [station, setStation] = useState<Partial<Station>>(() => storedStation() ?? {});
  const places = checkpoint.places?.value ?? [];
  const choose = (next: Partial<Station>) => {
    setStation(next);
    if (isComplete(next)) storeStation(next);
  };
  return (
    <>
      <section aria-labelledby="station-heading" className="checkpoint-card">
        <h3 id="station-heading">{t('station.heading')}</h3>
        <p>{t('device.registered', { name })}</p>
        <StationPicker places={places} station={station} onChange={choose} />
        <Lists checkpoint={checkpoint} />
      </section>
      {isComplete(station) ? <Capture checkpoint={checkpoint} station={station} /> : null}
      <OutboxPanel
        outbox={checkpoint.outbox}
        sync={checkpoint.sync}
        online={checkpoint.online}
        places={places}
        syncNow={checkpoint.syncNow}
        dismiss={(id) => void checkpoint.dismiss(id)}
        requeue={(id) => void checkpoint.requeue(id)}
      />
    </>
  );
}

/** The checkpoint mode. */
export function CheckpointMode({ session }: ViewProps) {
  const { t } = useTranslation('checkpoint');
  const checkpoint = useCheckpoint(session);
  const { device, online } = checkpoint;
  return (
    <div className="checkpoint">
      <h2>{t('heading')}</h2>
      <p className={online ? 'network online' : 'network offline'}>
        {online ? t('status.online') : t('status.offline')}
      </p>
      {device.kind === 'loading' ? <p>{t('loading')}</p> : null}
      {device.kind === 'none' ? (
        <DeviceSetup online={online} register={checkpoint.register} />
      ) : null}
      {device.kind === 'registered' ? (
        <Registered checkpoint={checkpoint} name={device.device.name} />
      ) : null}
    </div>
  );
}
