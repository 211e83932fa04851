// Checkpoint mode for monitors (issue 5): works with no network at all. The device is registered
// once (online, signed in); the checkpoints, the arrival places and the roster of expected
// households are kept on it; a household is found by its QR code or typed reference code; a
// passage at a checkpoint, or an arrival at a reception point, takes one tap on its outcome, is
// signed with the device's key and waits in the outbox, on screen, until the server has answered
// for it.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewProps } from '../views.ts';
import './checkpoint.css';
import type { ArrivalDraft } from './capture/arrival-payload.ts';
import type { PassageDraft } from './capture/passage-payload.ts';
import type { Checkpoint } from './use-checkpoint.ts';
import { useCheckpoint } from './use-checkpoint.ts';
import { ArrivalForm } from './ui/arrival-form.tsx';
import { DeviceSetup } from './ui/device-setup.tsx';
import { HouseholdFinder } from './ui/household-finder.tsx';
import type { Found } from './ui/household-finder.tsx';
import { OutboxPanel } from './ui/outbox-panel.tsx';
import { PassageForm } from './ui/passage-form.tsx';
import { recordingAt } from './capture/recording.ts';
import type { Recording, Station } from './capture/recording.ts';
import { StationPicker, storeStation, storedStation } from './ui/station-picker.tsx';

/** What was recorded last, kept as what happened (not as text), so a change of language re-says it. */
type Notice = { readonly kind: Recording['kind']; readonly recordedAt: string } | 'failed';

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

function NoticeLine({ notice }: { notice: Notice }) {
  const { t, i18n } = useTranslation('checkpoint');
  if (notice === 'failed') {
    return (
      <p className="error" role="status">
        {t('passage.failed')}
      </p>
    );
  }
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(
    new Date(notice.recordedAt),
  );
  return (
    <p className="notice" role="status">
      {t(notice.kind === 'arrival' ? 'arrival.recorded' : 'passage.recorded', { time })}
    </p>
  );
}

function Capture({ checkpoint, recording }: { checkpoint: Checkpoint; recording: Recording }) {
  const [found, setFound] = useState<Found | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();
  const onFound = useCallback((next: Found) => {
    setNotice(undefined);
    setFound(next);
  }, []);
  const keep = async (capture: () => Promise<{ capturedAt: string }>) => {
    try {
      const item = await capture();
      setNotice({ kind: recording.kind, recordedAt: item.capturedAt });
    } catch {
      setNotice('failed');
    }
    setFound(undefined);
  };
  const recordPassage = (draft: PassageDraft) => keep(() => checkpoint.record(draft));
  const recordArrival = (draft: ArrivalDraft) =>
    keep(async () => {
      const [first] = await checkpoint.recordArrival(draft);
      if (first === undefined) throw new Error('nobody arrived');
      return first;
    });
  const cancel = () => {
    setFound(undefined);
  };
  return (
    <>
      {notice === undefined ? null : <NoticeLine notice={notice} />}
      {found === undefined ? (
        <HouseholdFinder
          roster={checkpoint.roster?.value}
          onFound={onFound}
          canCountOnly={recording.kind === 'passage'}
          focusScan={notice !== undefined}
        />
      ) : recording.kind === 'passage' ? (
        <PassageForm
          found={found}
          station={recording.station}
          onRecord={recordPassage}
          onCancel={cancel}
        />
      ) : found === null ? null : (
        <ArrivalForm
          household={found}
          placeId={recording.placeId}
          onRecord={recordArrival}
          onCancel={cancel}
        />
      )}
    </>
  );
}

function Registered({ checkpoint, name }: { checkpoint: Checkpoint; name: string }) {
  const { t } = useTranslation('checkpoint');
  const [station, setStation] = useState<Partial<Station>>(() => storedStation() ?? {});
  const places = checkpoint.places?.value ?? [];
  const recording = recordingAt(station, places);
  const choose = (next: Partial<Station>) => {
    setStation(next);
    storeStation(next);
  };
  return (
    <>
      <section aria-labelledby="station-heading" className="checkpoint-card">
        <h3 id="station-heading">{t('station.heading')}</h3>
        <p>{t('device.registered', { name })}</p>
        <StationPicker places={places} station={station} onChange={choose} />
        <Lists checkpoint={checkpoint} />
      </section>
      {recording === undefined ? null : (
        // A new place starts a new capture: nothing found at the last one carries over.
        <Capture
          key={recording.kind === 'arrival' ? recording.placeId : recording.station.checkpointId}
          checkpoint={checkpoint}
          recording={recording}
        />
      )}
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
