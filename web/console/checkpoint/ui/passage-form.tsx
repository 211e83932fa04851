// Recording one passage in as few taps as possible: the household's members are aboard and go
// with the passage unless the monitor says otherwise, the screening seen last is preselected,
// and one tap on an outcome signs the passage and puts it in the outbox.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  PassageOutcome,
  ScreeningType,
} from '../../../../src/passage/database/passage-vocabulary.ts';
import {
  PASSAGE_OUTCOMES,
  SCREENING_TYPES,
} from '../../../../src/passage/database/passage-vocabulary.ts';
import { MEMBER_FATES } from '../capture/passage-payload.ts';
import type { MemberFate, PassageDraft } from '../capture/passage-payload.ts';
import type { RosterJourney } from '../capture/roster.ts';
import type { Found } from './household-finder.tsx';
import { useFocusOnOpen } from './focus-on-open.ts';
import { MemberRow } from './member-row.tsx';
import type { Station } from '../capture/recording.ts';

const STORED_SCREENING = 'vigil.checkpoint.screening';

function storedScreening(): ScreeningType[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORED_SCREENING) ?? 'null');
    if (Array.isArray(parsed)) return SCREENING_TYPES.filter((type) => parsed.includes(type));
  } catch {
    // A damaged value: fall back to the default.
  }
  return ['document_check'];
}

/** The passage form of `found` at `station`; `onRecord` signs and keeps the draft. */
export function PassageForm({
  found,
  station,
  onRecord,
  onCancel,
}: {
  found: Found;
  station: Station;
  onRecord: (draft: PassageDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('checkpoint');
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const journeys: readonly RosterJourney[] = found?.journeys ?? [];
  const [fates, setFates] = useState<readonly MemberFate[]>(() =>
    journeys.map(() => 'with_passage'),
  );
  const [others, setOthers] = useState(found === null ? 1 : 0);
  const [screening, setScreening] = useState<readonly ScreeningType[]>(storedScreening);
  const [busy, setBusy] = useState(false);
  const aboard = fates.filter((fate) => fate !== 'absent').length + others;

  async function record(outcome: PassageOutcome) {
    localStorage.setItem(STORED_SCREENING, JSON.stringify(screening));
    setBusy(true);
    try {
      const members = journeys.map((journey, index) => ({
        journeyId: journey.journeyId,
        fate: fates[index] ?? 'with_passage',
      }));
      await onRecord({ ...station, members, others, screeningTypes: screening, outcome });
    } finally {
      setBusy(false);
    }
  }

  const toggle = (type: ScreeningType) => {
    setScreening(
      screening.includes(type) ? screening.filter((seen) => seen !== type) : [...screening, type],
    );
  };

  return (
    <section aria-labelledby="passage-heading" className="checkpoint-card passage">
      <h3 id="passage-heading" tabIndex={-1} ref={heading}>
        {t('passage.heading')}
      </h3>
      <p>
        {found === null
          ? t('passage.unlisted')
          : t('passage.household', { people: journeys.length })}
      </p>
      {journeys.map((journey, index) => (
        <MemberRow
          key={journey.journeyId}
          number={index + 1}
          journey={journey}
          fate={fates[index] ?? 'with_passage'}
          fates={MEMBER_FATES}
          onChange={(fate) => {
            setFates(fates.map((old, at) => (at === index ? fate : old)));
          }}
        />
      ))}
      <div className="stepper" role="group" aria-labelledby="others-label">
        <span id="others-label">{t('others.label')}</span>
        <button
          type="button"
          aria-label={t('others.fewer')}
          disabled={others === 0}
          onClick={() => {
            setOthers(Math.max(0, others - 1));
          }}
        >
          −
        </button>
        <output aria-live="polite">{others}</output>
        <button
          type="button"
          aria-label={t('others.more')}
          onClick={() => {
            setOthers(others + 1);
          }}
        >
          +
        </button>
      </div>
      <p className="count" aria-live="polite">
        {t('passage.count', { people: aboard })}
      </p>
      <fieldset className="toggles">
        <legend>{t('screening.heading')}</legend>
        {SCREENING_TYPES.map((type) => (
          <button
            key={type}
            type="button"
            aria-pressed={screening.includes(type)}
            onClick={() => {
              toggle(type);
            }}
          >
            {t(`screening.${type}`)}
          </button>
        ))}
      </fieldset>
      <fieldset className="outcomes">
        <legend>{t('outcome.heading')}</legend>
        {aboard === 0 ? <p>{t('passage.empty')}</p> : null}
        {PASSAGE_OUTCOMES.map((outcome) => (
          <button
            key={outcome}
            type="button"
            className={`big outcome-${outcome}`}
            disabled={busy || aboard === 0}
            onClick={() => void record(outcome)}
          >
            {t(`outcome.${outcome}`)}
          </button>
        ))}
      </fieldset>
      <button type="button" className="secondary" onClick={onCancel}>
        {t('passage.cancel')}
      </button>
    </section>
  );
}
