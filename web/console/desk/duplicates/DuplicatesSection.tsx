// The best undecided duplicate pairs among new items and untriaged incidents
// (GET /api/v1/duplicates), each with its score and the analyst's decision.
import { useTranslation } from 'react-i18next';
import type { SuggestedPair } from '../shared/desk-types.ts';
import { Loading } from '../shared/Loading.tsx';
import { useLoad } from '../shared/use-api.ts';
import { PairCard } from './PairCard.tsx';

/** The duplicates section. */
export function DuplicatesSection() {
  const { t } = useTranslation('desk');
  const loaded = useLoad<{ pairs: SuggestedPair[] }>('/api/v1/duplicates?limit=20');
  return (
    <Loading loaded={loaded}>
      {({ pairs }) =>
        pairs.length === 0 ? (
          <p>{t('duplicates.none')}</p>
        ) : (
          <ul className="records">
            {pairs.map((pair) => (
              <PairCard
                key={`${pair.pair[0].id}|${pair.pair[1].id}`}
                pair={pair.pair}
                verdict={pair}
                version={0}
              />
            ))}
          </ul>
        )
      }
    </Loading>
  );
}
