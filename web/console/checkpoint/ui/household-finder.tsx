// Finding the household in front of the monitor: its QR code scanned with the camera, or its
// reference code typed, looked up in the roster kept on the device (no network needed). Or, at a
// checkpoint, no code at all: the people are then counted only (an arrival is recorded per
// person's journey, so it needs the household). The code itself is not kept anywhere.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { findOnRoster } from '../capture/roster.ts';
import type { Roster, RosterHousehold } from '../capture/roster.ts';
import { QrScanner } from './qr-scanner.tsx';

type Notice = 'invalid' | 'notOnRoster' | 'notOnRosterNoCount' | 'noCamera' | undefined;

/** What was found: a household of the roster, or `null` for people counted without a code. */
export type Found = RosterHousehold | null;

/**
 * The scan button, the code field and, if `canCountOnly`, the count-only button. With
 * `focusScan` the scan button takes the focus when the finder opens (back from a recording), so
 * the next household is one tap or keystroke away.
 */
export function HouseholdFinder({
  roster,
  onFound,
  canCountOnly,
  focusScan,
}: {
  roster: Roster | undefined;
  onFound: (found: Found) => void;
  canCountOnly: boolean;
  focusScan: boolean;
}) {
  const { t } = useTranslation('checkpoint');
  const scanButton = useRef<HTMLButtonElement>(null);
  // Once the button is in the page (a frame requested before React renders could miss it).
  useEffect(() => {
    if (focusScan) scanButton.current?.focus();
  }, [focusScan]);
  const [scanning, setScanning] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [choices, setChoices] = useState<readonly RosterHousehold[]>([]);

  const look = useCallback(
    async (code: string) => {
      setChoices([]);
      const match =
        roster === undefined
          ? ({ kind: 'not_on_roster' } as const)
          : await findOnRoster(roster, code);
      if (match.kind === 'invalid_code') setNotice('invalid');
      else if (match.kind === 'not_on_roster') {
        setNotice(canCountOnly ? 'notOnRoster' : 'notOnRosterNoCount');
      } else if (match.households.length > 1) {
        setNotice(undefined);
        setChoices(match.households);
      } else {
        setNotice(undefined);
        onFound(match.households[0] ?? null);
      }
    },
    [roster, onFound, canCountOnly],
  );
  const scanned = useCallback(
    (code: string) => {
      setScanning(false);
      void look(code);
    },
    [look],
  );
  const cameraRefused = useCallback(() => {
    setScanning(false);
    setNotice('noCamera');
  }, []);

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const code = new FormData(form).get('reference-code');
    form.reset();
    void look(typeof code === 'string' ? code : '');
  }

  return (
    <section aria-labelledby="find-heading" className="checkpoint-card">
      <h3 id="find-heading">{t('find.heading')}</h3>
      <button
        type="button"
        className="big"
        id="scan-button"
        ref={scanButton}
        onClick={() => {
          setNotice(undefined);
          setScanning(!scanning);
        }}
      >
        {scanning ? t('find.stopScan') : t('find.scan')}
      </button>
      {scanning ? <QrScanner onCode={scanned} onFailure={cameraRefused} /> : null}
      <form className="code-form" onSubmit={submit}>
        <div>
          <label htmlFor="reference-code">{t('find.code')}</label>
          <input
            id="reference-code"
            name="reference-code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            maxLength={64}
          />
        </div>
        <button type="submit">{t('find.lookUp')}</button>
      </form>
      {roster === undefined ? <p>{t('lists.none')}</p> : null}
      {notice === undefined ? null : (
        <p className="error" role="alert">
          {t(`find.${notice}`)}
        </p>
      )}
      {choices.length > 0 ? (
        <div role="group" aria-labelledby="choose-household">
          <p id="choose-household">{t('find.choose')}</p>
          {choices.map((household) => (
            <button
              key={`${household.tag} ${household.journeys[0]?.journeyId ?? ''}`}
              type="button"
              onClick={() => {
                setChoices([]);
                onFound(household);
              }}
            >
              {t('find.household', { people: household.journeys.length })}
            </button>
          ))}
        </div>
      ) : null}
      {canCountOnly ? (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setNotice(undefined);
            onFound(null);
          }}
        >
          {t('find.countOnly')}
        </button>
      ) : null}
    </section>
  );
}
