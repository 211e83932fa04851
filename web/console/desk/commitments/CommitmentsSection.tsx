// The commitment register (GET /api/v1/commitments): each commitment in its own words and, where
// the register has one, in the reader's language; one opens with its evidence; analysts
// register new ones.
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../shared/desk-types.ts';
import { formatDay } from '../shared/format.ts';
import { ListOrDetail } from '../shared/ListOrDetail.tsx';
import { Loading } from '../shared/Loading.tsx';
import { useLoad } from '../shared/use-api.ts';
import { CommitmentDetail } from './CommitmentDetail.tsx';
import { textIn } from './commitment-text.ts';
import { RegisterForm } from './RegisterForm.tsx';

/** The commitments section; `openId` opens that commitment at once. */
export function CommitmentsSection({ openId }: { openId: string | undefined }) {
  const { t, i18n } = useTranslation('desk');
  const loaded = useLoad<{ commitments: Commitment[] }>('/api/v1/commitments?limit=100');
  return (
    <ListOrDetail
      openId={openId}
      back={t('commitments.back')}
      detail={(id) => <CommitmentDetail id={id} />}
      list={(open) => (
        <>
          <Loading loaded={loaded}>
            {({ commitments }) =>
              commitments.length === 0 ? (
                <p>{t('commitments.none')}</p>
              ) : (
                <ul className="records">
                  {commitments.map((commitment) => {
                    const shown = textIn(commitment, i18n.language);
                    return (
                      <li key={commitment.id}>
                        <button
                          type="button"
                          className="record"
                          onClick={() => {
                            open(commitment.id);
                          }}
                        >
                          <strong>
                            {t('commitments.madeBy', {
                              party: commitment.party,
                              day: formatDay(commitment.madeOn, i18n.language),
                            })}
                          </strong>
                          <span lang={shown.lang}>{shown.text}</span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )
            }
          </Loading>
          <RegisterForm onRegistered={open} />
        </>
      )}
    />
  );
}
