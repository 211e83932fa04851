/** @jsxImportSource preact */
// Step "check a journey": the reference code and a member's year of birth, sent in the body of
// POST /api/v1/status-lookup (never in a URL); the household's journeys in plain words. A code
// whose check symbol fails is caught here (src/passage/model/reference-code.ts), before it
// costs one of the limited look-ups.
import { useState } from 'preact/hooks';
import type { JourneyState } from '../../src/passage/model/states.ts';
import { normaliseReferenceCode } from '../../src/passage/model/reference-code.ts';
import { callApi } from './api.ts';
import { Field, inputAria, StepHeading, valueOf } from './form.tsx';
import type { FieldError, FieldErrors } from './form.tsx';
import { formatInstant, useLocale } from './language.ts';
import { placeName } from './places.ts';
import type { Place } from './places.ts';
import { birthYearError } from './registration.ts';
import { StepForm, useSubmission } from './step-form.tsx';

/** One journey as the look-up answers it. */
interface Journey {
  state: JourneyState;
  lastPlace: Pick<Place, 'names'> | null;
  lastSeenAt: string | null;
  arrivedAt: string | null;
}

function lookupErrors(code: string, year: string): FieldErrors {
  const errors: Record<string, FieldError> = {};
  if (code.trim() === '') errors['status-code'] = { key: 'required' };
  else if (normaliseReferenceCode(code) === undefined)
    errors['status-code'] = { key: 'codeInvalid' };
  const yearError = birthYearError(year, new Date().getFullYear());
  if (yearError !== undefined) errors['status-year'] = yearError;
  return errors;
}

function JourneyList(props: { journeys: readonly Journey[] }) {
  const { t, language } = useLocale();
  if (props.journeys.length === 0) return <p>{t('noJourneys')}</p>;
  return (
    <ol class="journeys">
      {props.journeys.map((journey, index) => {
        const seen =
          journey.lastSeenAt === null ? undefined : formatInstant(language, journey.lastSeenAt);
        const place =
          journey.lastPlace === null
            ? undefined
            : placeName({ id: '', ...journey.lastPlace }, language);
        return (
          <li key={index}>
            {t('personState', { number: index + 1, state: t(`state_${journey.state}`) })}
            {seen === undefined ? null : (
              <div>
                {place === undefined
                  ? t('lastSeen', { time: seen })
                  : t('lastSeenAt', { place, time: seen })}
              </div>
            )}
            {journey.arrivedAt === null ? null : (
              <div>{t('arrivedAt', { time: formatInstant(language, journey.arrivedAt) })}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The status step, its code field filled with `initialCode` (a just-registered household's). */
export function StatusView(props: { initialCode: string }) {
  const { t } = useLocale();
  const [code, setCode] = useState(props.initialCode);
  const [year, setYear] = useState('');
  const submission = useSubmission<{ journeys: Journey[] }>();
  const { errors } = submission;
  const journeys = submission.result?.journeys;

  const submit = async () => {
    await submission.submit(lookupErrors(code, year), () =>
      callApi<{ journeys: Journey[] }>('/api/v1/status-lookup', {
        referenceCode: normaliseReferenceCode(code),
        birthYear: Number(year.trim()),
      }),
    );
  };
  const codeHint = t('codeHint');
  return (
    <section aria-labelledby="status-heading">
      <StepHeading id="status-heading">{t('statusHeading')}</StepHeading>
      <p>{t('statusIntro')}</p>
      <StepForm
        submission={submission}
        submitLabel={t('submitStatus')}
        notFound={t('lookupNotFound')}
        onSubmit={() => {
          void submit();
        }}
      >
        <Field
          id="status-code"
          label={t('codeField')}
          hint={codeHint}
          error={errors['status-code']}
        >
          <input
            {...inputAria('status-code', codeHint, errors['status-code'])}
            type="text"
            class="code-input"
            value={code}
            required
            maxLength={64}
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            onInput={(event) => {
              setCode(valueOf(event));
            }}
          />
        </Field>
        <Field id="status-year" label={t('memberBirthYear')} error={errors['status-year']}>
          <input
            {...inputAria('status-year', undefined, errors['status-year'])}
            type="text"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={4}
            value={year}
            required
            autoComplete="off"
            onInput={(event) => {
              setYear(valueOf(event));
            }}
          />
        </Field>
      </StepForm>
      {journeys === undefined ? null : (
        <section aria-labelledby="journeys-heading" class="result">
          <StepHeading id="journeys-heading" level={3}>
            {t('statusResultHeading')}
          </StepHeading>
          <JourneyList journeys={journeys} />
        </section>
      )}
    </section>
  );
}
