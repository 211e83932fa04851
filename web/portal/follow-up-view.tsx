/** @jsxImportSource preact */
// Step "follow up a report": the receipt code in the body of POST
// /api/v1/resident-reports/status (never in a URL), answered with the report's coarse status.
import { useState } from 'preact/hooks';
import type { ReportStatus } from '../../src/monitoring/intake/resident/resident-report.service.ts';
import { callApi } from './api.ts';
import { Field, inputAria, StepHeading, valueOf } from './form.tsx';
import type { FieldErrors } from './form.tsx';
import { useLocale } from './language.ts';
import { isReceiptCode } from './receipt-code.ts';
import { StepForm, useSubmission } from './step-form.tsx';

function receiptErrors(code: string): FieldErrors {
  if (code.trim() === '') return { 'follow-code': { key: 'required' } };
  return isReceiptCode(code) ? {} : { 'follow-code': { key: 'receiptInvalid' } };
}

/** The follow-up step, its field filled with `initialCode` (a just-sent report's). */
export function FollowUpView(props: { initialCode: string }) {
  const { t } = useLocale();
  const [code, setCode] = useState(props.initialCode);
  const submission = useSubmission<{ status: ReportStatus }>();
  const { errors } = submission;
  const status = submission.result?.status;

  const submit = async () => {
    await submission.submit(receiptErrors(code), () =>
      callApi<{ status: ReportStatus }>('/api/v1/resident-reports/status', {
        receiptCode: code.trim(),
      }),
    );
  };
  return (
    <section aria-labelledby="follow-heading">
      <StepHeading id="follow-heading">{t('followUpHeading')}</StepHeading>
      <p>{t('followUpIntro')}</p>
      <StepForm
        submission={submission}
        submitLabel={t('submitFollowUp')}
        notFound={t('receiptNotFound')}
        onSubmit={() => {
          void submit();
        }}
      >
        <Field id="follow-code" label={t('receiptField')} error={errors['follow-code']}>
          <input
            {...inputAria('follow-code', undefined, errors['follow-code'])}
            type="text"
            class="code-input"
            value={code}
            required
            maxLength={100}
            autoComplete="off"
            autoCapitalize="none"
            spellcheck={false}
            onInput={(event) => {
              setCode(valueOf(event));
            }}
          />
        </Field>
      </StepForm>
      {status === undefined ? null : (
        <section aria-labelledby="report-status-heading" class="result">
          <StepHeading id="report-status-heading" level={3}>
            {t('reportStatusHeading')}
          </StepHeading>
          <p class="status">{t(`reportStatus_${status}`)}</p>
        </section>
      )}
    </section>
  );
}
