// Recording a household's arrival at a reception point in one tap: its members arrive together
// unless the monitor marks one as not there, and one tap says whether they only arrived or were
// also registered by the host authority (DOMAIN.md §4). Each member who arrived becomes one
// signed capture in the outbox (capture/arrival-payload.ts).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARRIVAL_FATES, ARRIVAL_OUTCOMES } from '../capture/arrival-payload.ts';
import type { ArrivalDraft, ArrivalOutcome } from '../capture/arrival-payload.ts';
import type { MemberFate } from '../capture/passage-payload.ts';
import type { RosterHousehold } from '../capture/roster.ts';
import { useFocusOnOpen } from './focus-on-open.ts';
import { MemberRow } from './member-row.tsx';

/** The id of the form's heading (which takes the focus when the form opens). */
const ARRIVAL_HEADING = 'arrival-heading';

/** The arrival form of `household` at `placeId`; `onRecord` signs and keeps the draft. */
export function ArrivalForm({
  household,
  placeId,
  onRecord,
  onCancel,
}: {
  household: RosterHousehold;
  placeId: string;
  onRecord: (draft: ArrivalDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('checkpoint');
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const { journeys } = household;
  const [fates, setFates] = useState<readonly MemberFate[]>(() =>
    journeys.map(() => 'with_passage'),
  );
  const [busy, setBusy] = useState(false);
  const arriving = fates.filter((fate) => fate === 'with_passage').length;

  async function record(outcome: ArrivalOutcome) {
    setBusy(true);
    try {
      const members = journeys.map((journey, index) => ({
        journeyId: journey.journeyId,
        fate: fates[index] ?? 'with_passage',
      }));
      await onRecord({ placeId, members, outcome });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={ARRIVAL_HEADING} className="checkpoint-card passage">
      <h3 id={ARRIVAL_HEADING} tabIndex={-1} ref={heading}>
        {t('arrival.heading')}
      </h3>
      <p>{t('passage.household', { people: journeys.length })}</p>
      {journeys.map((journey, index) => (
        <MemberRow
          key={journey.journeyId}
          number={index + 1}
          journey={journey}
          fate={fates[index] ?? 'with_passage'}
          fates={ARRIVAL_FATES}
          messages="arrivalFate"
          onChange={(fate) => {
            setFates(fates.map((old, at) => (at === index ? fate : old)));
          }}
        />
      ))}
      <p className="count" aria-live="polite">
        {t('arrival.count', { people: arriving })}
      </p>
      <fieldset className="outcomes">
        <legend>{t('arrival.outcomeHeading')}</legend>
        {arriving === 0 ? <p>{t('arrival.empty')}</p> : null}
        {ARRIVAL_OUTCOMES.map((outcome) => (
          <button
            key={outcome}
            type="button"
            className="big"
            disabled={busy || arriving === 0}
            onClick={() => void record(outcome)}
          >
            {t(`arrival.${outcome}`)}
          </button>
        ))}
      </fieldset>
      <button type="button" className="secondary" onClick={onCancel}>
        {t('passage.cancel')}
      </button>
    </section>
  );
}
