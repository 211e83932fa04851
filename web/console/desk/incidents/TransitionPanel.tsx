// The verification workflow of one incident: any pending two-person proposal, then one button
// per next step with a shared reason (POST /api/v1/incidents/:id/transitions). A two-person step
// answers 202 (proposed) until a second, different person confirms it; the proposer confirming
// their own proposal is refused with `two_person_rule`, said in the user's language.
import { useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { DeskError } from '../shared/DeskError.tsx';
import { useDesk } from '../shared/desk-context.tsx';
import type { IncidentView } from '../shared/desk-types.ts';
import { formatInstant } from '../shared/format.ts';
import { useAction } from '../shared/use-api.ts';
import type { WorkflowAction } from './workflow.ts';
import { workflowActions } from './workflow.ts';

function Proposals({ view }: { view: IncidentView }) {
  const { t, i18n } = useTranslation('desk');
  const { session } = useDesk();
  const live = view.approvals.filter((approval) => approval.live);
  if (live.length === 0) return null;
  return (
    <ul className="proposals">
      {live.map((approval) => (
        <li key={approval.toState}>
          {t(
            approval.proposedBy === session.id
              ? 'workflow.proposedByYou'
              : 'workflow.proposedByColleague',
            {
              state: t(`state.${approval.toState}`),
              at: formatInstant(approval.proposedAt, i18n.language),
              reason: approval.reason,
            },
          )}
        </li>
      ))}
    </ul>
  );
}

function actionLabel(action: WorkflowAction): string {
  return `workflow.${action.kind}`;
}

/** The workflow panel of `view`; `onMoved` reloads the incident. */
export function TransitionPanel({ view, onMoved }: { view: IncidentView; onMoved: () => void }) {
  const { t } = useTranslation('desk');
  const { session } = useDesk();
  const action = useAction();
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<string | undefined>();
  const chosen = useRef<WorkflowAction | undefined>(undefined);
  const actions = workflowActions(view.incident.state, view.approvals, session.id);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const step = chosen.current;
    if (step === undefined) return;
    setOutcome(undefined);
    const path = `/api/v1/incidents/${encodeURIComponent(view.incident.id)}/transitions`;
    const body = { to: step.to, version: view.incident.version, reason };
    const answer = await action.run(() => api<{ status?: string }>('POST', path, body));
    if (answer === undefined) return;
    const state = t(`state.${step.to}`);
    setOutcome(
      answer.status === 'proposed'
        ? t('workflow.proposedNow', { state })
        : t('workflow.movedNow', { state }),
    );
    setReason('');
    onMoved();
  };
  return (
    <section className="panel workflow" aria-labelledby="workflow-heading">
      <h5 id="workflow-heading">{t('workflow.heading')}</h5>
      <Proposals view={view} />
      {outcome === undefined ? null : (
        <p className="outcome" role="status">
          {outcome}
        </p>
      )}
      {actions.length === 0 ? (
        <p>{t('workflow.none')}</p>
      ) : (
        <form onSubmit={(event) => void submit(event)} aria-busy={action.busy}>
          <label>
            {t('reason')}
            <input
              value={reason}
              required
              maxLength={1000}
              onChange={(event) => {
                setReason(event.target.value);
              }}
            />
          </label>
          <DeskError error={action.error} />
          <div className="buttons">
            {actions.map((step) => (
              <button
                key={step.to}
                type="submit"
                disabled={action.busy}
                data-to={step.to}
                onClick={() => {
                  chosen.current = step;
                }}
              >
                {t(actionLabel(step), { state: t(`state.${step.to}`) })}
              </button>
            ))}
          </div>
        </form>
      )}
    </section>
  );
}
