// Tracing requests (GET /api/v1/tracing-requests): families looking for a person, by state,
// with pseudonyms only. Analysts read them; coordinators move them through the tracing machine
// (POST /api/v1/tracing-requests/:id/transitions, DOMAIN.md §5).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRACING_STATES } from '../../../../src/passage/model/states.ts';
import type { TracingState } from '../../../../src/passage/model/states.ts';
import type { TracingRequest } from '../shared/desk-types.ts';
import { formatInstant, shortId } from '../shared/format.ts';
import { ListOrDetail, StateFilter } from '../shared/ListOrDetail.tsx';
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
  return (
    <ListOrDetail
      openId={openId}
      back={t('tracing.back')}
      detail={(id) => <TracingDetail id={id} />}
      list={(open) => (
        <>
          <StateFilter
            label={t('tracing.state')}
            values={TRACING_STATES}
            value={state}
            labelOf={(value) => t(`tracingState.${value}`)}
            all={t('tracing.allStates')}
            onChange={setState}
          />
          <TracingList state={state} onOpen={open} />
        </>
      )}
    />
  );
}
