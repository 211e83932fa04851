/** @jsxImportSource preact */
// The choices of the registration step: the household's intention (one of three, required) and
// a consent per purpose (each a box; an empty box is a refusal and blocks nothing).
import type { ConsentPurpose } from '../../src/people/consent.ts';
import type { Intention } from '../../src/passage/model/states.ts';
import type { FieldError } from './form.tsx';
import { useLocale } from './language.ts';
import { CONSENT_CHOICES, INTENTION_CHOICES } from './registration.ts';

/** The intention as a group of radio buttons. */
export function IntentionChoices(props: {
  value: Intention | '';
  error: FieldError | undefined;
  onChange: (intention: Intention) => void;
}) {
  const { t } = useLocale();
  const invalid = props.error !== undefined;
  return (
    <fieldset
      class={invalid ? 'choices invalid' : 'choices'}
      aria-describedby={invalid ? 'intention-error' : undefined}
    >
      <legend>{t('intentionLegend')}</legend>
      {props.error === undefined ? null : (
        <p class="error" id="intention-error">
          {t(props.error.key, props.error.values)}
        </p>
      )}
      {INTENTION_CHOICES.map((intention, index) => (
        <label key={intention} class="choice">
          <input
            type="radio"
            name="intention"
            id={index === 0 ? 'intention' : undefined}
            value={intention}
            checked={props.value === intention}
            aria-invalid={invalid ? 'true' : undefined}
            onChange={() => {
              props.onChange(intention);
            }}
          />
          <span>{t(`intention_${intention}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** A box per consent purpose. */
export function ConsentChoices(props: {
  chosen: ReadonlySet<ConsentPurpose>;
  onChange: (chosen: ReadonlySet<ConsentPurpose>) => void;
}) {
  const { t } = useLocale();
  return (
    <fieldset class="choices" aria-describedby="consent-hint">
      <legend>{t('consentLegend')}</legend>
      <p class="hint" id="consent-hint">
        {t('consentHint')}
      </p>
      {CONSENT_CHOICES.map((purpose) => (
        <label key={purpose} class="choice">
          <input
            type="checkbox"
            name="consent"
            value={purpose}
            checked={props.chosen.has(purpose)}
            onChange={(event) => {
              const next = new Set(props.chosen);
              if (event.currentTarget.checked) next.add(purpose);
              else next.delete(purpose);
              props.onChange(next);
            }}
          />
          <span>{t(`consent_${purpose}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
