// Incidents by state, newest occurrence first (GET /api/v1/incidents); one opens with its
// verification workflow.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_STATES } from '../../../../src/monitoring/model/vocabulary.ts';
import type { IncidentState } from '../../../../src/monitoring/model/vocabulary.ts';
import { usePlaceName } from '../shared/desk-context.tsx';
import type { IncidentSummary } from '../shared/desk-types.ts';
import { formatInstant, shortId } from '../shared/format.ts';
import { ListOrDetail, StateFilter } from '../shared/ListOrDetail.tsx';
import { Loading } from '../shared/Loading.tsx';
import { useLoad } from '../shared/use-api.ts';
import { IncidentDetail } from './IncidentDetail.tsx';

function IncidentList({ state, onOpen }: { state: string; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation('desk');
  const placeName = usePlaceName();
  const filter = state === '' ? '' : `&state=${state}`;
  const loaded = useLoad<{ incidents: IncidentSummary[] }>(`/api/v1/incidents?limit=50${filter}`);
  return (
    <Loading loaded={loaded}>
      {({ incidents }) =>
        incidents.length === 0 ? (
          <p>{t('incidents.none')}</p>
        ) : (
          <ul className="records">
            {incidents.map((incident) => (
              <li key={incident.id}>
                <button
                  type="button"
                  className="record"
                  onClick={() => {
                    onOpen(incident.id);
                  }}
                >
                  <strong>{t(`subType.${incident.subEventType}`)}</strong>
                  <span>{t('pairKind.incident', { id: shortId(incident.id) })}</span>
                  <span>{placeName(incident.placeId)}</span>
                  <span>{formatInstant(incident.occurredStart, i18n.language)}</span>
                  <span className={`state state-${incident.state}`}>
                    {t(`state.${incident.state}`)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )
      }
    </Loading>
  );
}

/** The incidents section; `openId` opens that incident at once. */
export function IncidentsSection({ openId }: { openId: string | undefined }) {
  const { t } = useTranslation('desk');
  const [state, setState] = useState<IncidentState | ''>('under_verification');
  return (
    <ListOrDetail
      openId={openId}
      back={t('incidents.back')}
      detail={(id) => <IncidentDetail id={id} />}
      list={(open) => (
        <>
          <StateFilter
            label={t('incidents.state')}
            values={INCIDENT_STATES}
            value={state}
            labelOf={(value) => t(`state.${value}`)}
            all={t('incidents.allStates')}
            onChange={setState}
          />
          <IncidentList state={state} onOpen={open} />
        </>
      )}
    />
  );
}
