/** @jsxImportSource preact */
// Step "register a household": the intention, an optional place of origin, the members and a
// consent per purpose; sent to POST /api/v1/portal/households; the answer's reference code is
// shown with its QR code (registered-view.tsx). What was typed stays in memory only.
import { useRef, useState } from 'preact/hooks';
import { callApi } from './api.ts';
import { StepHeading } from './form.tsx';
import { useLocale } from './language.ts';
import { MemberFields } from './member-fields.tsx';
import { PlaceSelect } from './place-select.tsx';
import type { Places } from './places.ts';
import { ConsentChoices, IntentionChoices } from './register-choices.tsx';
import { RegisteredView } from './registered-view.tsx';
import type { Registered } from './registered-view.tsx';
import { emptyMember, MAX_MEMBERS, registrationBody, registrationErrors } from './registration.ts';
import type { RegistrationDraft } from './registration.ts';
import { StepForm, useSubmission } from './step-form.tsx';

const EMPTY: RegistrationDraft = {
  intention: '',
  originPlaceId: '',
  members: [emptyMember(1)],
  consents: new Set(),
};

/** The registration step; `onCheck` opens the status step with the new code. */
export function RegisterView(props: { places: Places; onCheck: (referenceCode: string) => void }) {
  const { t, language } = useLocale();
  const [draft, setDraft] = useState(EMPTY);
  const submission = useSubmission<Registered>();
  const { errors } = submission;
  const registered = submission.result;
  const nextKey = useRef(2);

  if (registered !== undefined)
    return <RegisteredView registered={registered} onCheck={props.onCheck} />;

  const submit = async () => {
    await submission.submit(registrationErrors(draft, new Date().getFullYear()), () =>
      callApi<Registered>('/api/v1/portal/households', registrationBody(draft, language)),
    );
  };
  return (
    <section aria-labelledby="register-heading">
      <StepHeading id="register-heading">{t('registerHeading')}</StepHeading>
      <p>{t('registerIntro')}</p>
      <StepForm
        submission={submission}
        submitLabel={t('submitRegister')}
        onSubmit={() => {
          void submit();
        }}
      >
        <IntentionChoices
          value={draft.intention}
          error={errors['intention']}
          onChange={(intention) => {
            setDraft({ ...draft, intention });
          }}
        />
        <PlaceSelect
          id="origin"
          label={t('originLabel')}
          places={props.places}
          value={draft.originPlaceId}
          onChange={(originPlaceId) => {
            setDraft({ ...draft, originPlaceId });
          }}
        />
        <h3>{t('membersHeading')}</h3>
        <p class="hint">{t('namesHint')}</p>
        {draft.members.map((member, index) => (
          <MemberFields
            key={member.key}
            member={member}
            number={index + 1}
            errors={errors}
            onChange={(changed) => {
              setDraft({
                ...draft,
                members: draft.members.map((m) => (m.key === changed.key ? changed : m)),
              });
            }}
            onRemove={
              draft.members.length === 1
                ? undefined
                : () => {
                    setDraft({
                      ...draft,
                      members: draft.members.filter((m) => m.key !== member.key),
                    });
                    // The pressed button is gone: keep the focus in the members' part.
                    setTimeout(() => document.getElementById('add-member')?.focus(), 0);
                  }
            }
          />
        ))}
        {draft.members.length < MAX_MEMBERS ? (
          <button
            type="button"
            id="add-member"
            class="secondary"
            onClick={() => {
              const member = emptyMember(nextKey.current++);
              setDraft({ ...draft, members: [...draft.members, member] });
              // The new member's first field, once it is drawn.
              setTimeout(
                () => document.getElementById(`member-${String(member.key)}-given`)?.focus(),
                0,
              );
            }}
          >
            {t('addMember')}
          </button>
        ) : null}
        <ConsentChoices
          chosen={draft.consents}
          onChange={(consents) => {
            setDraft({ ...draft, consents });
          }}
        />
      </StepForm>
    </section>
  );
}
