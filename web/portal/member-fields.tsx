/** @jsxImportSource preact */
// One member of the household in the registration step: names in any script, year of birth and
// sex, as the vault records them; each field labelled and tied to its error.
import { Field, inputAria, valueOf } from './form.tsx';
import type { FieldErrors } from './form.tsx';
import { useLocale } from './language.ts';
import { memberFieldId, SEX_CHOICES } from './registration.ts';
import type { MemberDraft } from './registration.ts';

/** The fields of `member`, the `number`th; `onRemove` is absent for the only member. */
export function MemberFields(props: {
  member: MemberDraft;
  number: number;
  errors: FieldErrors;
  onChange: (member: MemberDraft) => void;
  onRemove: (() => void) | undefined;
}) {
  const { t } = useLocale();
  const { member, errors } = props;
  const text = (field: 'given' | 'family' | 'patronymic', label: string, required: boolean) => {
    const id = memberFieldId(member, field);
    return (
      <Field id={id} label={label} error={errors[id]}>
        <input
          {...inputAria(id, undefined, errors[id])}
          type="text"
          value={member[field]}
          required={required}
          maxLength={100}
          autoComplete="off"
          spellcheck={false}
          onInput={(event) => {
            props.onChange({ ...member, [field]: valueOf(event) });
          }}
        />
      </Field>
    );
  };
  const yearId = memberFieldId(member, 'birthYear');
  const sexId = memberFieldId(member, 'sex');
  return (
    <fieldset class="member">
      <legend>{t('memberHeading', { number: props.number })}</legend>
      {text('given', t('givenName'), true)}
      {text('family', t('familyName'), true)}
      {text('patronymic', t('patronymic'), false)}
      <Field id={yearId} label={t('birthYear')} error={errors[yearId]}>
        <input
          {...inputAria(yearId, undefined, errors[yearId])}
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={4}
          value={member.birthYear}
          required
          autoComplete="off"
          onInput={(event) => {
            props.onChange({ ...member, birthYear: valueOf(event) });
          }}
        />
      </Field>
      <Field id={sexId} label={t('sex')} error={errors[sexId]}>
        <select
          {...inputAria(sexId, undefined, errors[sexId])}
          value={member.sex}
          required
          onChange={(event) => {
            const sex = SEX_CHOICES.find((choice) => choice === valueOf(event)) ?? '';
            props.onChange({ ...member, sex });
          }}
        >
          <option value="">{t('choose')}</option>
          {SEX_CHOICES.map((sex) => (
            <option key={sex} value={sex}>
              {t(`sex_${sex}`)}
            </option>
          ))}
        </select>
      </Field>
      {props.onRemove === undefined ? null : (
        <button type="button" class="secondary" onClick={props.onRemove}>
          {t('removeMember', { number: props.number })}
        </button>
      )}
    </fieldset>
  );
}
