/** @jsxImportSource preact */
// The form parts every step of the portal uses: labelled fields whose hint and error are tied
// to the input (aria-describedby, aria-invalid), so a screen reader reads them with the field;
// the alert that announces a failure; and focus moved where the next thing to read is.
import type { ComponentChildren, RefObject, TargetedEvent } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Failure } from './api.ts';
import type { MessageKey } from './i18n/en.ts';
import type { MessageValues, Translate } from './i18n/catalogues.ts';
import { useLocale } from './language.ts';

/** A field's error: a message and its values. */
export interface FieldError {
  key: MessageKey;
  values?: MessageValues;
}

/** Errors by field id. */
export type FieldErrors = Readonly<Record<string, FieldError>>;

/** The ids an input is described by: its hint and its error, when shown. */
export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter((x) => x !== '');
  return ids.length === 0 ? undefined : ids.join(' ');
}

/** A field's label, then its hint and its error, around the input given as `children`. */
export function Field(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: FieldError | undefined;
  children: ComponentChildren;
}) {
  const { t } = useLocale();
  return (
    <div class={props.error === undefined ? 'field' : 'field invalid'}>
      <label for={props.id}>{props.label}</label>
      {props.hint === undefined ? null : (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error === undefined ? null : (
        <p class="error" id={`${props.id}-error`}>
          {t(props.error.key, props.error.values)}
        </p>
      )}
      {props.children}
    </div>
  );
}

/** The props a field's input takes for its hint and error. */
export function inputAria(
  id: string,
  hint: string | undefined,
  error: FieldError | undefined,
): { id: string; 'aria-describedby'?: string; 'aria-invalid'?: 'true' } {
  const described = describedBy(id, hint !== undefined, error !== undefined);
  return {
    id,
    ...(described === undefined ? {} : { 'aria-describedby': described }),
    ...(error === undefined ? {} : { 'aria-invalid': 'true' }),
  };
}

/** The value of an input event. */
export function valueOf(
  event: TargetedEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>,
): string {
  return event.currentTarget.value;
}

// The failures with words of their own; any other is named by its code.
const FAILURE_MESSAGES: Partial<Record<Failure, MessageKey>> = {
  network: 'error_network',
  rate_limited: 'error_rate_limited',
  invalid_request: 'error_invalid_request',
};

/** The words for a failed call (not_found is each step's own message). */
export function failureText(t: Translate, failure: Failure): string {
  const key = FAILURE_MESSAGES[failure];
  return key === undefined ? t('error_other', { code: failure }) : t(key);
}

/** An announced message (role=alert) that takes the focus when it appears. */
export function Alert(props: { children: ComponentChildren }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useFocusOnMount(ref);
  return (
    <p class="alert" role="alert" tabIndex={-1} ref={ref}>
      {props.children}
    </p>
  );
}

/** Moves the focus to `ref` once, when the component appears. */
export function useFocusOnMount(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    ref.current?.focus();
  }, []);
}

/** Focuses the first invalid input of `form`, in the order of the form. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** The heading of a step or of its answer: it takes the focus when it appears, so reading starts there. */
export function StepHeading(props: { children: ComponentChildren; id: string; level?: 2 | 3 }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(ref);
  const Heading = props.level === 3 ? 'h3' : 'h2';
  return (
    <Heading tabIndex={-1} ref={ref} id={props.id}>
      {props.children}
    </Heading>
  );
}

/** The announced count of a form's errors (each is also shown at its field). */
export function FormErrors(props: { errors: FieldErrors }) {
  const { t } = useLocale();
  const count = Object.keys(props.errors).length;
  if (count === 0) return null;
  return (
    <p class="alert" role="alert">
      {t('formErrors', { count })}
    </p>
  );
}

/** A submit button that says it is sending and cannot be pressed twice meanwhile. */
export function Submit(props: { busy: boolean; label: string }) {
  const { t } = useLocale();
  return (
    <button type="submit" class="primary" disabled={props.busy}>
      {props.busy ? t('sending') : props.label}
    </button>
  );
}
