/** @jsxImportSource preact */
// Step "report an incident": what happened, and optionally when, where and how the reporter
// knows; anonymous unless the reporter chooses to say how to reach them. Sent to
// POST /api/v1/resident-reports, which answers a receipt code, shown this once.
import { useState } from 'preact/hooks';
import { callApi } from './api.ts';
import { Field, inputAria, StepHeading, valueOf } from './form.tsx';
import { formatInstant, useLocale } from './language.ts';
import { PlaceSelect } from './place-select.tsx';
import type { Places } from './places.ts';
import {
  MAX_ACCOUNT_INPUT,
  MAX_CONTACT_CHARS,
  PROXIMITY_CHOICES,
  reportBody,
  reportErrors,
} from './report.ts';
import type { ReportDraft } from './report.ts';
import { StepForm, useSubmission } from './step-form.tsx';

const EMPTY: ReportDraft = {
  account: '',
  occurredAt: '',
  placeId: '',
  proximity: '',
  anonymous: true,
  contact: '',
};

/** What the report route answers. */
interface Receipt {
  receiptCode: string;
  receivedAt: string;
}

function ReceiptView(props: { receipt: Receipt; onFollowUp: (receiptCode: string) => void }) {
  const { t, language } = useLocale();
  const { receiptCode, receivedAt } = props.receipt;
  return (
    <section aria-labelledby="reported-heading" class="result">
      <StepHeading id="reported-heading">{t('reportedHeading')}</StepHeading>
      <p>{t('receivedAt', { time: formatInstant(language, receivedAt) })}</p>
      <p class="code-label">{t('receiptCode')}</p>
      <p class="code" id="receipt-code" translate={false}>
        {receiptCode}
      </p>
      <p class="keep">{t('receiptKeep')}</p>
      <button
        type="button"
        class="primary"
        onClick={() => {
          props.onFollowUp(receiptCode);
        }}
      >
        {t('followThisReport')}
      </button>
    </section>
  );
}

function ProximityChoices(props: {
  value: ReportDraft['proximity'];
  onChange: (value: ReportDraft['proximity']) => void;
}) {
  const { t } = useLocale();
  const choices = ['', ...PROXIMITY_CHOICES] as const;
  return (
    <fieldset class="choices">
      <legend>{t('proximityLegend')}</legend>
      {choices.map((choice) => (
        <label key={choice} class="choice">
          <input
            type="radio"
            name="proximity"
            value={choice}
            checked={props.value === choice}
            onChange={() => {
              props.onChange(choice);
            }}
          />
          <span>{choice === '' ? t('proximity_none') : t(`proximity_${choice}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The report step; `onFollowUp` opens the follow-up step with the new receipt code. */
export function ReportView(props: { places: Places; onFollowUp: (receiptCode: string) => void }) {
  const { t, language } = useLocale();
  const [draft, setDraft] = useState(EMPTY);
  const submission = useSubmission<Receipt>();
  const { errors } = submission;
  const receipt = submission.result;

  if (receipt !== undefined) return <ReceiptView receipt={receipt} onFollowUp={props.onFollowUp} />;

  const submit = async () => {
    await submission.submit(reportErrors(draft, new Date()), () =>
      callApi<Receipt>('/api/v1/resident-reports', reportBody(draft, t, language)),
    );
  };
  const accountHint = t('accountHint');
  const contactHint = t('contactHint');
  return (
    <section aria-labelledby="report-heading">
      <StepHeading id="report-heading">{t('reportHeading')}</StepHeading>
      <p>{t('reportIntro')}</p>
      <StepForm
        submission={submission}
        submitLabel={t('submitReport')}
        onSubmit={() => {
          void submit();
        }}
      >
        <Field
          id="report-account"
          label={t('accountLabel')}
          hint={accountHint}
          error={errors['report-account']}
        >
          <textarea
            {...inputAria('report-account', accountHint, errors['report-account'])}
            rows={6}
            maxLength={MAX_ACCOUNT_INPUT}
            required
            value={draft.account}
            onInput={(event) => {
              setDraft({ ...draft, account: valueOf(event) });
            }}
          />
        </Field>
        <Field id="report-when" label={t('occurredLabel')} error={errors['report-when']}>
          <input
            {...inputAria('report-when', undefined, errors['report-when'])}
            type="datetime-local"
            value={draft.occurredAt}
            onInput={(event) => {
              setDraft({ ...draft, occurredAt: valueOf(event) });
            }}
          />
        </Field>
        <PlaceSelect
          id="report-place"
          label={t('placeLabel')}
          places={props.places}
          value={draft.placeId}
          onChange={(placeId) => {
            setDraft({ ...draft, placeId });
          }}
        />
        <ProximityChoices
          value={draft.proximity}
          onChange={(proximity) => {
            setDraft({ ...draft, proximity });
          }}
        />
        <label class="choice">
          <input
            type="checkbox"
            id="report-anonymous"
            checked={draft.anonymous}
            onChange={(event) => {
              setDraft({ ...draft, anonymous: event.currentTarget.checked });
            }}
          />
          <span>{t('anonymousLabel')}</span>
        </label>
        {draft.anonymous ? null : (
          <Field
            id="report-contact"
            label={t('contactLabel')}
            hint={contactHint}
            error={errors['report-contact']}
          >
            <input
              {...inputAria('report-contact', contactHint, errors['report-contact'])}
              type="text"
              maxLength={MAX_CONTACT_CHARS}
              value={draft.contact}
              autoComplete="off"
              onInput={(event) => {
                setDraft({ ...draft, contact: valueOf(event) });
              }}
            />
          </Field>
        )}
      </StepForm>
    </section>
  );
}
