// Grading an item's credibility on the Admiralty scale, 1 (confirmed by other sources) to 6
// (cannot be judged), with a reason, at the version read (POST /api/v1/info-items/:id/grading).
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CREDIBILITIES } from '../../../../src/monitoring/model/vocabulary.ts';
import { api } from '../../api.ts';
import { DeskError } from '../shared/DeskError.tsx';
import type { InfoItem } from '../shared/desk-types.ts';
import { useAction } from '../shared/use-api.ts';

/** The grading form of `item`; `onGraded` reloads it. */
export function GradeForm({ item, onGraded }: { item: InfoItem; onGraded: () => void }) {
  const { t } = useTranslation('desk');
  const action = useAction();
  const [credibility, setCredibility] = useState(item.credibility);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    const body = { credibility, reason, version: item.version };
    const answer = await action.run(() =>
      api('POST', `/api/v1/info-items/${encodeURIComponent(item.id)}/grading`, body),
    );
    if (answer === undefined) return;
    setReason('');
    setDone(true);
    onGraded();
  };
  return (
    <form className="panel" onSubmit={(event) => void submit(event)} aria-busy={action.busy}>
      <fieldset>
        <legend>{t('grade.credibility')}</legend>
        {CREDIBILITIES.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="credibility"
              value={value}
              checked={credibility === value}
              onChange={() => {
                setCredibility(value);
              }}
            />
            {t(`credibility.${String(value)}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('reason')}
        <input
          name="reason"
          value={reason}
          required
          maxLength={500}
          onChange={(event) => {
            setReason(event.target.value);
          }}
        />
      </label>
      <DeskError error={action.error} />
      {done ? <p role="status">{t('grade.done')}</p> : null}
      <button type="submit" disabled={action.busy}>
        {t('grade.submit')}
      </button>
    </form>
  );
}
