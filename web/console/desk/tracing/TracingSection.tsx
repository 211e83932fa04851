// Tracing requests (GET /api/v1/tracing-requests): families looking for a person, by state,
// with pseudonyms only. Analysts read them; coordinators move them through the tracing machine
// (POST /api/v1/tracing-requests/:id/transitions, DOMAIN.md §5).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRACING_STATES } from '../../../../src/passage/model/states.ts';
import type { TracingState } from '../../../../src/passage/model/states.ts';
import type { TracingRequest } from '../shared/desk-types.ts';
import { formatInstant, shortId } from '../shared/format.ts';
import { Loading } from '../shared/Loading.tsx';
import { useLoad } from '../shared/use-api.ts';
import { TracingDetail } from './TracingDetail.tsx';

function TracingList({ state, onOpen }: { state: string; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation('desk');
  const filter = state === '' ? '' : `&state=${state}`;
  const loaded = useLoad<{ requests: TracingRequest[] }>(
    `/api/v1/tracing-requests?limit=100${filter}`,
  );
  return (
    <Loading loaded={loaded}>
      {({ requests }) =>
        requests.length === 0 ? (
          <p>{t('tracing.none')}</p>
        ) : (
          <ul className="records">
            {requests.map((request) => (
              <li key={request.id}>
                <button
                  type="button"
                  className="record"
                  onClick={() => {
                    onOpen(request.id);
                  }}
                >
                  <strong>{t('tracing.ref', { id: shortId(request.id) })}</strong>
                  <span>
                    {t('tracing.opened', { at: formatInstant(request.openedAt, i18n.language) })}
                  </span>
                  <span className="state">{t(`tracingState.${request.state}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        )
      }
    </Loading>
  );
}

/** The tracing section; `openId` opens that request at once. */
export function TracingSection({ openId }: { openId: string | undefined }) {
  const { t } = useTranslation('desk');
  const [state, setState] = useState<TracingState | ''>('');
  const [open, setOpen] = useState(openId);
  if (open !== undefined) {
    return (
      <>
        <button
          type="button"
          className="secondary back"
          onClick={() => {
            setOpen(undefined);
          }}
        >
          {t('tracing.back')}
        </button>
        <TracingDetail id={open} />
      </>
    );
  }
  return (
    <>
      <label className="inline">
        {t('tracing.state')}
        <select
          value={state}
          onChange={(event) => {
            setState(TRACING_STATES.find((value) => value === event.target.value) ?? '');
          }}
        >
          <option value="">{t('tracing.allStates')}</option>
          {TRACING_STATES.map((value) => (
            <option key={value} value={value}>
              {t(`tracingState.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <TracingList state={state} onOpen={setOpen} />
    </>
  );
}
