// One incident: its facts, where it stands in verification (with any pending proposal of the
// two-person rule), its history, the workflow's next steps, and links to commitments.
import { useTranslation } from 'react-i18next';
import { SubjectSuggestions } from '../duplicates/SubjectSuggestions.tsx';
import { useDesk, usePlaceName } from '../shared/desk-context.tsx';
import type { IncidentView } from '../shared/desk-types.ts';
import { formatInstant, formatNumber, shortId } from '../shared/format.ts';
import { Loading } from '../shared/Loading.tsx';
import { useLoad } from '../shared/use-api.ts';
import { CommitmentLinkForm } from './CommitmentLinkForm.tsx';
import { TransitionPanel } from './TransitionPanel.tsx';

function Facts({ view }: { view: IncidentView }) {
  const { t, i18n } = useTranslation('desk');
  const placeName = usePlaceName();
  const { incident } = view;
  const tolls = (['killed', 'injured', 'detained', 'missing'] as const)
    .map(
      (kind) => `${t(`toll.${kind}`)}: ${formatNumber(incident.tolls[kind].best, i18n.language)}`,
    )
    .join(' · ');
  const rows: [string, string][] = [
    [t('incident.ref'), shortId(incident.id)],
    [t('incident.stateNow'), t(`state.${incident.state}`)],
    [t('incident.subType'), t(`subType.${incident.subEventType}`)],
    [t('incident.occurred'), formatInstant(incident.occurredStart, i18n.language)],
    [t('incident.place'), placeName(incident.placeId)],
    [t('incident.figures'), tolls],
    [t('incident.publicSummary'), incident.publicSummary ?? t('incident.noSummary')],
  ];
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd data-fact={term === t('incident.stateNow') ? 'state' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function History({ view }: { view: IncidentView }) {
  const { t, i18n } = useTranslation('desk');
  const { session } = useDesk();
  const who = (actor: string) => (actor === session.id ? t('byYou') : t('byColleague'));
  return (
    <details className="history">
      <summary>{t('incident.history')}</summary>
      <ol>
        {view.transitions.map((step) => (
          <li key={step.version}>
            {t('incident.step', { from: t(`state.${step.from}`), to: t(`state.${step.to}`) })} —{' '}
            {step.reason} ({formatInstant(step.at, i18n.language)}, {who(step.actor)}
            {step.proposedBy === null
              ? ''
              : `; ${t('incident.proposedBy', { who: who(step.proposedBy) })}`}
            )
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The incident `id`. */
export function IncidentDetail({ id }: { id: string }) {
  const { t } = useTranslation('desk');
  const loaded = useLoad<IncidentView>(`/api/v1/incidents/${encodeURIComponent(id)}`);
  return (
    <Loading loaded={loaded}>
      {(view) => (
        <article className="detail" aria-labelledby="incident-heading">
          <h4 id="incident-heading">
            {t('incident.heading', { type: t(`subType.${view.incident.subEventType}`) })}
          </h4>
          <Facts view={view} />
          <TransitionPanel view={view} onMoved={loaded.reload} />
          <History view={view} />
          <CommitmentLinkForm incidentId={view.incident.id} />
          {view.incident.state === 'received' || view.incident.state === 'triaged' ? (
            <SubjectSuggestions subject={{ kind: 'incident', id: view.incident.id }} />
          ) : null}
        </article>
      )}
    </Loading>
  );
}
