// After a pair is confirmed as one event, nothing is merged until an analyst says so here:
// an item is linked to its incident, or one incident is merged into the other.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskError } from '../shared/DeskError.tsx';
import type { PairSide } from '../shared/desk-types.ts';
import { shortId } from '../shared/format.ts';
import { useAction } from '../shared/use-api.ts';
import { linkItem, mergeIncident } from './merge-steps.ts';

/** The merge or link step of confirmed pair `pair`. */
export function FollowUp({ pair }: { pair: readonly [PairSide, PairSide] }) {
  const { t } = useTranslation('desk');
  const action = useAction();
  const [reason, setReason] = useState('');
  const [fromFirst, setFromFirst] = useState(true);
  const [done, setDone] = useState(false);
  const [a, b] = pair;
  const item = pair.find((side) => side.kind === 'info_item');
  const incident = pair.find((side) => side.kind === 'incident');
  if (done) return <p role="status">{t(item === undefined ? 'merge.merged' : 'merge.linked')}</p>;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const step =
      item !== undefined && incident !== undefined
        ? () => linkItem(incident.id, item.id, reason)
        : () => mergeIncident(fromFirst ? a.id : b.id, fromFirst ? b.id : a.id, reason);
    if (
      (await action.run(async () => {
        await step();
        return true;
      })) === true
    )
      setDone(true);
  };
  return (
    <form className="follow-up" onSubmit={(event) => void submit(event)} aria-busy={action.busy}>
      {item === undefined ? (
        <fieldset>
          <legend>{t('merge.which')}</legend>
          {[true, false].map((first) => (
            <label key={String(first)} className="choice">
              <input
                type="radio"
                name={`merge-${a.id}-${b.id}`}
                checked={fromFirst === first}
                onChange={() => {
                  setFromFirst(first);
                }}
              />
              {t('merge.into', {
                from: shortId(first ? a.id : b.id),
                into: shortId(first ? b.id : a.id),
              })}
            </label>
          ))}
        </fieldset>
      ) : null}
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
        {t(item === undefined ? 'merge.submit' : 'merge.link')}
      </button>
    </form>
  );
}
