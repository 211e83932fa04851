/** @jsxImportSource preact */
// What every form step of the portal does with a submission: check the fields first (errors
// shown at each field, the first invalid one focused, nothing sent), then send once with the
// button saying so, and keep the answer or the failure. `StepForm` draws the form around a
// step's fields with the error count, the failure alert and the submit button.
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answer, Failure } from './api.ts';
import { Alert, failureText, focusFirstInvalid, FormErrors, Submit } from './form.tsx';
import type { FieldErrors } from './form.tsx';
import { useLocale } from './language.ts';

/** One step's submission state and its `submit`. */
export interface Submission<T> {
  readonly errors: FieldErrors;
  readonly busy: boolean;
  readonly failure: Failure | undefined;
  readonly result: T | undefined;
  readonly form: RefObject<HTMLFormElement | null>;
  /** Shows `found` and stops when there is any; else sends with `send` and keeps its answer. */
  readonly submit: (found: FieldErrors, send: () => Promise<Answer<T>>) => Promise<void>;
}

/** The submission state of one form step. */
export function useSubmission<T>(): Submission<T> {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>(undefined);
  const [result, setResult] = useState<T | undefined>(undefined);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (attempt > 0) focusFirstInvalid(form.current);
  }, [attempt]);
  const submit = async (found: FieldErrors, send: () => Promise<Answer<T>>) => {
    setErrors(found);
    setFailure(undefined);
    setResult(undefined);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const answer = await send();
    setBusy(false);
    if (answer.ok) setResult(answer.value);
    else setFailure(answer.failure);
  };
  return { errors, busy, failure, result, form, submit };
}

/** A step's form: its fields, then the error count, the failure (`notFound` for not_found), submit. */
export function StepForm<T>(props: {
  readonly submission: Submission<T>;
  readonly submitLabel: string;
  readonly notFound?: string;
  readonly onSubmit: () => void;
  readonly children: ComponentChildren;
}) {
  const { t } = useLocale();
  const { errors, busy, failure, form } = props.submission;
  return (
    <form
      ref={form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
      <FormErrors errors={errors} />
      {failure === undefined ? null : (
        <Alert>
          {failure === 'not_found' && props.notFound !== undefined
            ? props.notFound
            : failureText(t, failure)}
        </Alert>
      )}
      <Submit busy={busy} label={props.submitLabel} />
    </form>
  );
}
