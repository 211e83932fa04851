/** @jsxImportSource preact */
// Step "follow up a report": the receipt code in the body of POST
// /api/v1/resident-reports/status (never in a URL), answered with the report's coarse status.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReportStatus } from '../../src/monitoring/intake/resident/resident-report.service.ts';
import { callApi } from './api.ts';
import type { Failure } from './api.ts';
import {
  Alert,
  Field,
  failureText,
  focusFirstInvalid,
  FormErrors,
  inputAria,
  StepHeading,
  Submit,
  valueOf,
} from './form.tsx';
import type { FieldErrors } from './form.tsx';
import { useLocale } from './language.ts';
import { isReceiptCode } from './receipt-code.ts';

function receiptErrors(code: string): FieldErrors {
  if (code.trim() === '') return { 'follow-code': { key: 'required' } };
  return isReceiptCode(code) ? {} : { 'follow-code': { key: 'receiptInvalid' } };
}

/** The follow-up step, its field filled with `initialCode` (a just-sent report's). */
export function FollowUpView(props: { initialCode: string }) {
  const { t } = useLocale();
  const [code, setCode] = useState(props.initialCode);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>(undefined);
  const [status, setStatus] = useState<ReportStatus | undefined>(undefined);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (attempt > 0) focusFirstInvalid(form.current);
  }, [attempt]);

  const submit = async () => {
    const found = receiptErrors(code);
    setErrors(found);
    setFailure(undefined);
    setStatus(undefined);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const answer = await callApi<{ status: ReportStatus }>('/api/v1/resident-reports/status', {
      receiptCode: code.trim(),
    });
    setBusy(false);
    if (answer.ok) setStatus(answer.value.status);
    else setFailure(answer.failure);
  };
  return (
    <section aria-labelledby="follow-heading">
      <StepHeading id="follow-heading">{t('followUpHeading')}</StepHeading>
      <p>{t('followUpIntro')}</p>
      <form
        ref={form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
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
        <FormErrors errors={errors} />
        {failure === undefined ? null : (
          <Alert>{failure === 'not_found' ? t('receiptNotFound') : failureText(t, failure)}</Alert>
        )}
        <Submit busy={busy} label={t('submitFollowUp')} />
      </form>
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
