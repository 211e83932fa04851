// One tracing request with its history and, for coordinators, its next steps.
import { useTranslation } from 'react-i18next';
import { nextStates } from '../../../../src/passage/model/tracing.machine.ts';
import { api } from '../../api.ts';
import { DeskError } from '../shared/DeskError.tsx';
import { useDesk } from '../shared/desk-context.tsx';
import type { TracingView } from '../shared/desk-types.ts';
import { formatInstant, shortId } from '../shared/format.ts';
import { Loading } from '../shared/Loading.tsx';
import { useAction, useLoad } from '../shared/use-api.ts';

function Steps({ view, onMoved }: { view: TracingView; onMoved: () => void }) {
  const { t } = useTranslation('desk');
  const { session } = useDesk();
  const action = useAction();
  // The API lets the hotline and coordinators move a request; analysts read it.
  if (session.role !== 'coordinator') return <p className="muted">{t('tracing.readOnly')}</p>;
  const next = nextStates(view.request.state);
  if (next.length === 0) return <p>{t('tracing.closed')}</p>;
  const move = async (to: string) => {
    const path = `/api/v1/tracing-requests/${encodeURIComponent(view.request.id)}/transitions`;
    const body = { to, version: view.request.version };
    if ((await action.run(() => api('POST', path, body))) !== undefined) onMoved();
  };
  return (
    <div className="panel">
      <h5>{t('tracing.next')}</h5>
      <DeskError error={action.error} />
      <div className="buttons">
        {next.map((to) => (
          <button key={to} type="button" disabled={action.busy} onClick={() => void move(to)}>
            {t(`tracingState.${to}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

/** The tracing request `id`. */
export function TracingDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation('desk');
  const loaded = useLoad<TracingView>(`/api/v1/tracing-requests/${encodeURIComponent(id)}`);
  return (
    <Loading loaded={loaded}>
      {(view) => (
        <article className="detail" aria-labelledby="tracing-heading">
          <h4 id="tracing-heading">{t('tracing.ref', { id: shortId(view.request.id) })}</h4>
          <p>
            {t('tracing.stateNow', { state: t(`tracingState.${view.request.state}`) })}{' '}
            {t('tracing.opened', { at: formatInstant(view.request.openedAt, i18n.language) })}
          </p>
          <ol className="history">
            {view.history.map((step) => (
              <li key={step.version}>
                {t('incident.step', {
                  from: t(`tracingState.${step.from}`),
                  to: t(`tracingState.${step.to}`),
                })}{' '}
                ({formatInstant(step.at, i18n.language)})
              </li>
            ))}
          </ol>
          <Steps view={view} onMoved={loaded.reload} />
        </article>
      )}
    </Loading>
  );
}
