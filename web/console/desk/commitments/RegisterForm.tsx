// Registering a party's public commitment (POST /api/v1/commitments, a public log entry): who,
// in which language, the words as made, when, where it was published, and what it covers.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { DeskError } from '../shared/DeskError.tsx';
import { useAction } from '../shared/use-api.ts';

const FIELDS = ['party', 'language', 'text', 'madeOn', 'sourceRef', 'scope', 'reason'] as const;
type Field = (typeof FIELDS)[number];
const LONG: ReadonlySet<Field> = new Set(['text', 'scope']);

/** The register form; `onRegistered` gets the new commitment's id. */
export function RegisterForm({ onRegistered }: { onRegistered: (id: string) => void }) {
  const { t, i18n } = useTranslation('desk');
  const action = useAction();
  const [values, setValues] = useState<Record<Field, string>>({
    party: '',
    language: i18n.language,
    text: '',
    madeOn: new Date().toISOString().slice(0, 10),
    sourceRef: '',
    scope: '',
    reason: '',
  });
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await action.run(() =>
      api<{ commitment: { id: string } }>('POST', '/api/v1/commitments', values),
    );
    if (answer !== undefined) onRegistered(answer.commitment.id);
  };
  return (
    <details className="panel">
      <summary>{t('commitments.register')}</summary>
      <form onSubmit={(event) => void submit(event)} aria-busy={action.busy}>
        {FIELDS.map((field) => {
          const change = (value: string) => {
            setValues((current) => ({ ...current, [field]: value }));
          };
          return (
            <label key={field}>
              {t(`commitmentField.${field}`)}
              {LONG.has(field) ? (
                <textarea
                  required
                  rows={3}
                  value={values[field]}
                  onChange={(event) => {
                    change(event.target.value);
                  }}
                />
              ) : (
                <input
                  type={field === 'madeOn' ? 'date' : 'text'}
                  required
                  value={values[field]}
                  onChange={(event) => {
                    change(event.target.value);
                  }}
                />
              )}
            </label>
          );
        })}
        <DeskError error={action.error} />
        <button type="submit" disabled={action.busy}>
          {t('commitments.registerSubmit')}
        </button>
      </form>
    </details>
  );
}
