// The item's source as a code name, kind and reliability (Admiralty A–F), with its gradings
// and a re-grading with a reason (POST /api/v1/sources/:id/grading). An item with no source
// (an anonymous report) has no reliability to grade: F, cannot be judged.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RELIABILITIES } from '../../../../src/monitoring/model/vocabulary.ts';
import type { Reliability } from '../../../../src/monitoring/model/vocabulary.ts';
import { api } from '../../api.ts';
import { DeskError } from '../shared/DeskError.tsx';
import type { SourceView } from '../shared/desk-types.ts';
import { Gradings } from '../shared/Gradings.tsx';
import { Loading } from '../shared/Loading.tsx';
import { useAction, useLoad } from '../shared/use-api.ts';

function RegradeForm({ view, onGraded }: { view: SourceView; onGraded: () => void }) {
  const { t } = useTranslation('desk');
  const action = useAction();
  const [reliability, setReliability] = useState<Reliability>(view.source.reliability);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    const body = { reliability, reason, version: view.source.version };
    const path = `/api/v1/sources/${encodeURIComponent(view.source.id)}/grading`;
    if ((await action.run(() => api('POST', path, body))) === undefined) return;
    setReason('');
    setDone(true);
    onGraded();
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-busy={action.busy}>
      <label>
        {t('source.reliability')}
        <select
          value={reliability}
          onChange={(event) => {
            const chosen = RELIABILITIES.find((value) => value === event.target.value);
            if (chosen !== undefined) setReliability(chosen);
          }}
        >
          {RELIABILITIES.map((value) => (
            <option key={value} value={value}>
              {t(`reliability.${value}`)}
            </option>
          ))}
        </select>
      </label>
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
      {done ? <p role="status">{t('grade.done')}</p> : null}
      <button type="submit" disabled={action.busy}>
        {t('source.regrade')}
      </button>
    </form>
  );
}

function KnownSource({ id }: { id: string }) {
  const { t } = useTranslation('desk');
  const loaded = useLoad<SourceView>(`/api/v1/sources/${encodeURIComponent(id)}`);
  return (
    <Loading loaded={loaded}>
      {(view) => (
        <>
          <p>
            {t('source.summary', {
              label: view.source.label,
              kind: t(`sourceKind.${view.source.kind}`),
              reliability: t(`reliability.${view.source.reliability}`),
            })}
          </p>
          {view.source.atRisk ? <p className="warning">{t('source.atRisk')}</p> : null}
          <Gradings
            heading={t('source.gradings')}
            gradings={view.gradings}
            valueOf={(grading) => t(`reliability.${grading.reliability ?? 'F'}`)}
          />
          <RegradeForm view={view} onGraded={loaded.reload} />
        </>
      )}
    </Loading>
  );
}

/** The source panel of an item whose source is `sourceId` (null: none recorded). */
export function SourcePanel({ sourceId }: { sourceId: string | null }) {
  const { t } = useTranslation('desk');
  return (
    <section className="panel" aria-labelledby="source-heading">
      <h5 id="source-heading">{t('source.heading')}</h5>
      {sourceId === null ? <p>{t('source.none')}</p> : <KnownSource id={sourceId} />}
    </section>
  );
}
