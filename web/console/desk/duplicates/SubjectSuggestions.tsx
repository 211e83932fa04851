// The records likely the same event as one item or incident
// (GET /api/v1/duplicates/{info-items,incidents}/:id), with what was decided about each.
import { useTranslation } from 'react-i18next';
import type { PairSide, Verdict } from '../shared/desk-types.ts';
import { Loading } from '../shared/Loading.tsx';
import { useLoad } from '../shared/use-api.ts';
import { PairCard } from './PairCard.tsx';

interface Suggestion extends Verdict {
  record: PairSide;
  decision: { decision: 'dismissed' | 'confirmed'; version: number } | null;
}

/** Suggestions for `subject`. */
export function SubjectSuggestions({ subject }: { subject: PairSide }) {
  const { t } = useTranslation('desk');
  const kindPath = subject.kind === 'incident' ? 'incidents' : 'info-items';
  const loaded = useLoad<{ suggestions: Suggestion[] }>(
    `/api/v1/duplicates/${kindPath}/${encodeURIComponent(subject.id)}?limit=5`,
  );
  return (
    <details className="panel">
      <summary>{t('duplicates.forSubject')}</summary>
      <Loading loaded={loaded}>
        {({ suggestions }) =>
          suggestions.length === 0 ? (
            <p>{t('duplicates.none')}</p>
          ) : (
            <ul className="records">
              {suggestions.map((suggestion) => (
                <PairCard
                  key={suggestion.record.id}
                  pair={[subject, suggestion.record]}
                  verdict={suggestion}
                  version={suggestion.decision?.version ?? 0}
                  current={suggestion.decision?.decision}
                />
              ))}
            </ul>
          )
        }
      </Loading>
    </details>
  );
}
