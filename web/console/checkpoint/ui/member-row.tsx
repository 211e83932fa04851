// One listed member of the household: who (sex and age band only, as the roster has them) and
// what became of them at this passage.
import { useTranslation } from 'react-i18next';
import type { MemberFate } from '../capture/passage-payload.ts';
import type { RosterJourney } from '../capture/roster.ts';

const SEXES = ['female', 'male', 'other', 'unknown'] as const;

/**
 * The member's line with the choice of what became of them; the choices are worded by the
 * messages under `messages` (at a checkpoint, 'fate'; on arrival, 'arrivalFate').
 */
export function MemberRow({
  number,
  journey,
  fate,
  fates,
  onChange,
  messages = 'fate',
}: {
  number: number;
  journey: RosterJourney;
  fate: MemberFate;
  fates: readonly MemberFate[];
  onChange: (fate: MemberFate) => void;
  messages?: 'fate' | 'arrivalFate';
}) {
  const { t } = useTranslation('checkpoint');
  const sex = SEXES.find((known) => known === journey.sex) ?? 'unknown';
  const age =
    journey.ageBand === null ? t('age.unknown') : t('age.band', { band: journey.ageBand });
  const id = `fate-${String(number)}`;
  return (
    <div className="member">
      <label htmlFor={id}>{t('member.label', { number, sex: t(`sex.${sex}`), age })}</label>
      <select
        id={id}
        value={fate}
        onChange={(event) => {
          onChange(fates.find((known) => known === event.target.value) ?? 'with_passage');
        }}
      >
        {fates.map((choice) => (
          <option key={choice} value={choice}>
            {t(`${messages}.${choice}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
