// One suggested pair: the two records, how alike they are (score, signals, reasons, distance in
// time and space), and the analyst's decision with a reason — dismiss (not the same event) or
// confirm (the same event; the merge is a separate, explicit step).
import { useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateDecisionKind } from '../../../../src/monitoring/model/duplicate-pair.ts';
import { api } from '../../api.ts';
import { DeskError } from '../shared/DeskError.tsx';
import type { PairSide, Verdict } from '../shared/desk-types.ts';
import { formatNumber, formatShare } from '../shared/format.ts';
import { useAction } from '../shared/use-api.ts';
import { FollowUp } from './FollowUp.tsx';
import { PairSideView } from './PairSideView.tsx';

function Likeness({ verdict }: { verdict: Verdict }) {
  const { t, i18n } = useTranslation('desk');
  const lang = i18n.language;
  return (
    <p>
      <strong>{t('duplicates.score', { score: formatShare(verdict.score, lang) })}</strong>{' '}
      {verdict.reasons.map((reason) => t(`likeness.${reason}`)).join(', ')}
      {verdict.hoursApart === null
        ? null
        : ` · ${t('duplicates.hoursApart', { hours: formatNumber(verdict.hoursApart, lang, 1) })}`}
      {verdict.kmApart === null
        ? null
        : ` · ${t('duplicates.kmApart', { km: formatNumber(verdict.kmApart, lang, 1) })}`}
    </p>
  );
}

/** The card of `pair`, whose decision is at `version` (0: none yet), `current` if any. */
export function PairCard({
  pair,
  verdict,
  version,
  current,
}: {
  pair: readonly [PairSide, PairSide];
  verdict: Verdict;
  version: number;
  /** What was decided about the pair before, if anything. */
  current?: DuplicateDecisionKind | undefined;
}) {
  const { t } = useTranslation('desk');
  const action = useAction();
  const chosen = useRef<DuplicateDecisionKind>('dismissed');
  const [reason, setReason] = useState('');
  const [decided, setDecided] = useState<DuplicateDecisionKind | undefined>();
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const decision = chosen.current;
    const body = {
      pair: pair.map((side) => ({ kind: side.kind, id: side.id })),
      decision,
      reason,
      version,
    };
    if ((await action.run(() => api('POST', '/api/v1/duplicates/decisions', body))) !== undefined) {
      setDecided(decision);
    }
  };
  return (
    <li className="pair">
      <ul className="sides">
        <PairSideView side={pair[0]} />
        <PairSideView side={pair[1]} />
      </ul>
      <Likeness verdict={verdict} />
      {current === undefined || decided !== undefined ? null : (
        <p className="muted">{t('duplicates.current', { decision: t(`duplicates.${current}`) })}</p>
      )}
      {decided === undefined ? (
        <form onSubmit={(event) => void submit(event)} aria-busy={action.busy}>
          <label>
            {t('reason')}
            <input
              value={reason}
              required
              minLength={3}
              maxLength={500}
              onChange={(event) => {
                setReason(event.target.value);
              }}
            />
          </label>
          <DeskError error={action.error} />
          <div className="buttons">
            {(['dismissed', 'confirmed'] as const).map((decision) => (
              <button
                key={decision}
                type="submit"
                className={decision === 'dismissed' ? 'secondary' : undefined}
                disabled={action.busy}
                onClick={() => {
                  chosen.current = decision;
                }}
              >
                {t(`duplicates.${decision}`)}
              </button>
            ))}
          </div>
        </form>
      ) : (
        <>
          <p role="status">{t(`duplicates.decided.${decided}`)}</p>
          {decided === 'confirmed' ? <FollowUp pair={pair} /> : null}
        </>
      )}
    </li>
  );
}
