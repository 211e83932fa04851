// Linking an incident to a commitment as evidence of breach or compliance, with the analyst's
// reasoning (POST /api/v1/commitments/:id/links).
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LINK_BEARINGS } from '../../../../src/monitoring/model/commitment-vocabulary.ts';
import type { LinkBearing } from '../../../../src/monitoring/model/commitment-vocabulary.ts';
import { api } from '../../api.ts';
import { DeskError } from '../shared/DeskError.tsx';
import type { Commitment } from '../shared/desk-types.ts';
import { formatDay } from '../shared/format.ts';
import { Loading } from '../shared/Loading.tsx';
import { useAction, useLoad } from '../shared/use-api.ts';

function LinkForm({ incidentId, commitments }: { incidentId: string; commitments: Commitment[] }) {
  const { t, i18n } = useTranslation('desk');
  const action = useAction();
  const [commitmentId, setCommitmentId] = useState(commitments[0]?.id ?? '');
  const [bearing, setBearing] = useState<LinkBearing>('breach');
  const [reasoning, setReasoning] = useState('');
  const [done, setDone] = useState(false);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const path = `/api/v1/commitments/${encodeURIComponent(commitmentId)}/links`;
    const body = { targetKind: 'incident', targetId: incidentId, bearing, reasoning };
    if ((await action.run(() => api('POST', path, body))) !== undefined) {
      setDone(true);
      setReasoning('');
    }
  };
  if (commitments.length === 0) return <p>{t('commitments.none')}</p>;
  return (
    <form onSubmit={(event) => void submit(event)} aria-busy={action.busy}>
      <label>
        {t('link.commitment')}
        <select
          value={commitmentId}
          onChange={(event) => {
            setCommitmentId(event.target.value);
          }}
        >
          {commitments.map((commitment) => (
            <option key={commitment.id} value={commitment.id}>
              {t('link.commitmentOption', {
                party: commitment.party,
                day: formatDay(commitment.madeOn, i18n.language),
              })}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('link.bearing')}</legend>
        {LINK_BEARINGS.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`bearing-${incidentId}`}
              checked={bearing === value}
              onChange={() => {
                setBearing(value);
              }}
            />
            {t(`bearing.${value}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('link.reasoning')}
        <textarea
          required
          rows={3}
          maxLength={4000}
          value={reasoning}
          onChange={(event) => {
            setReasoning(event.target.value);
          }}
        />
      </label>
      <DeskError error={action.error} />
      {done ? <p role="status">{t('link.done')}</p> : null}
      <button type="submit" disabled={action.busy}>
        {t('link.submit')}
      </button>
    </form>
  );
}

/** Links incident `incidentId` to a commitment. */
export function CommitmentLinkForm({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation('desk');
  const loaded = useLoad<{ commitments: Commitment[] }>('/api/v1/commitments?limit=100');
  return (
    <details className="panel">
      <summary>{t('link.heading')}</summary>
      <Loading loaded={loaded}>
        {({ commitments }) => <LinkForm incidentId={incidentId} commitments={commitments} />}
      </Loading>
    </details>
  );
}
