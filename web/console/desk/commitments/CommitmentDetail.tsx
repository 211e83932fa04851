// One commitment over time (GET /api/v1/commitments/:id/timeline): its words, the evidence
// linked to it as breach or compliance with the reasoning, breaches and compliance by month,
// and withdrawing a link with a reason (the link and its withdrawal are both kept).
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { DeskError } from '../shared/DeskError.tsx';
import { useDesk } from '../shared/desk-context.tsx';
import type { CommitmentLink, CommitmentTimeline } from '../shared/desk-types.ts';
import { formatDay, formatInstant, formatNumber, shortId } from '../shared/format.ts';
import { Loading } from '../shared/Loading.tsx';
import { useAction, useLoad } from '../shared/use-api.ts';
import { textIn } from './commitment-text.ts';

function Withdraw({ link, onWithdrawn }: { link: CommitmentLink; onWithdrawn: () => void }) {
  const { t } = useTranslation('desk');
  const action = useAction();
  const [reason, setReason] = useState('');
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const path = `/api/v1/commitment-links/${encodeURIComponent(link.id)}/withdrawal`;
    if ((await action.run(() => api('POST', path, { reason }))) !== undefined) onWithdrawn();
  };
  return (
    <details>
      <summary>{t('commitments.withdraw')}</summary>
      <form onSubmit={(event) => void submit(event)} aria-busy={action.busy}>
        <label>
          {t('reason')}
          <input
            value={reason}
            required
            maxLength={500}
            onChange={(event) => {
              setReason(event.target.value);
            }}
          />
        </label>
        <DeskError error={action.error} />
        <button type="submit" disabled={action.busy}>
          {t('commitments.withdrawSubmit')}
        </button>
      </form>
    </details>
  );
}

function LinkItem({ link, onChanged }: { link: CommitmentLink; onChanged: () => void }) {
  const { t, i18n } = useTranslation('desk');
  const { go } = useDesk();
  return (
    <li className={link.withdrawal === null ? undefined : 'withdrawn'}>
      <strong>{t(`bearing.${link.bearing}`)}</strong>{' '}
      {link.targetKind === 'incident' ? (
        <button
          type="button"
          className="link"
          onClick={() => {
            go('incidents', link.targetId);
          }}
        >
          {t('pairKind.incident', { id: shortId(link.targetId) })}
        </button>
      ) : (
        <span>{t('pairKind.info_item', { id: shortId(link.targetId) })}</span>
      )}{' '}
      — {link.reasoning} ({formatInstant(link.linkedAt, i18n.language)})
      {link.withdrawal === null ? (
        <Withdraw link={link} onWithdrawn={onChanged} />
      ) : (
        <p className="muted">{t('commitments.withdrawn', { reason: link.withdrawal.reason })}</p>
      )}
    </li>
  );
}

/** The commitment `id`. */
export function CommitmentDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation('desk');
  const loaded = useLoad<CommitmentTimeline>(
    `/api/v1/commitments/${encodeURIComponent(id)}/timeline`,
  );
  return (
    <Loading loaded={loaded}>
      {(timeline) => {
        const { commitment } = timeline;
        const shown = textIn(commitment, i18n.language);
        return (
          <article className="detail" aria-labelledby="commitment-heading">
            <h4 id="commitment-heading">
              {t('commitments.madeBy', {
                party: commitment.party,
                day: formatDay(commitment.madeOn, i18n.language),
              })}
            </h4>
            <blockquote lang={shown.lang}>{shown.text}</blockquote>
            <p className="muted">{t('commitments.source', { source: commitment.sourceRef })}</p>
            <p className="muted">{t('commitments.scope', { scope: commitment.scope })}</p>
            <h5>{t('commitments.evidence')}</h5>
            {timeline.links.length === 0 ? <p>{t('commitments.noEvidence')}</p> : null}
            <ul className="records">
              {timeline.links.map((link) => (
                <LinkItem key={link.id} link={link} onChanged={loaded.reload} />
              ))}
            </ul>
            {timeline.months.length === 0 ? null : (
              <ul className="months">
                {timeline.months.map((month) => (
                  <li key={month.month}>
                    {t('commitments.month', {
                      month: month.month,
                      breach: formatNumber(month.breach, i18n.language),
                      compliance: formatNumber(month.compliance, i18n.language),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </article>
        );
      }}
    </Loading>
  );
}
