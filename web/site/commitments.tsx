// The parties' public commitments: what was promised, by whom, when and where it was said, and
// each commitment's public history (its versions and why each was made), read when opened.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment, CommitmentVersion } from './data.ts';
import { fetchJson, fetchOnce } from './data.ts';
import { Section, Status } from './ui.tsx';
import type { Loaded } from './use-loaded.ts';
import { useLoaded } from './use-loaded.ts';

const loadCommitments = async () =>
  (await fetchOnce<{ commitments: Commitment[] }>('/api/v1/commitments?limit=20')).commitments;

/** The parties' public commitments, in the reader's language where translated. */
export function Commitments() {
  const { t, i18n } = useTranslation();
  const loaded = useLoaded(loadCommitments);
  return (
    <Section id="commitments" title={t('commitmentsHeading')}>
      <Status loaded={loaded} empty={(list) => list.length === 0}>
        {(list) => (
          <ul className="commitments">
            {list.map((commitment) => (
              <li key={commitment.id}>
                <blockquote>{commitment.translations[i18n.language] ?? commitment.text}</blockquote>
                <p>{t('madeOn', { date: commitment.madeOn, party: commitment.party })}</p>
                <p className="muted">
                  {t('commitmentSource', { source: commitment.sourceRef, scope: commitment.scope })}
                </p>
                <History id={commitment.id} versions={commitment.version} />
              </li>
            ))}
          </ul>
        )}
      </Status>
    </Section>
  );
}

/** The versions of one commitment, fetched the first time the reader opens them. */
function History(props: { id: string; versions: number }) {
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded<CommitmentVersion[]> | null>(null);
  const open = () => {
    if (loaded !== null) return;
    setLoaded({ state: 'loading' });
    fetchJson<{ versions: CommitmentVersion[] }>(`/api/v1/commitments/${props.id}`).then(
      ({ versions }) => {
        setLoaded({ state: 'ready', value: versions });
      },
      () => {
        setLoaded({ state: 'failed' });
      },
    );
  };
  return (
    <details onToggle={open}>
      <summary>{t('commitmentHistory', { versions: props.versions })}</summary>
      {loaded === null ? null : (
        <Status loaded={loaded} empty={(versions) => versions.length === 0}>
          {(versions) => <Versions versions={versions} language={i18n.language} />}
        </Status>
      )}
    </details>
  );
}

/** The versions of a commitment, oldest first. */
function Versions(props: { versions: CommitmentVersion[]; language: string }) {
  const { t } = useTranslation();
  const when = new Intl.DateTimeFormat(props.language, { dateStyle: 'medium' });
  return (
    <ol>
      {props.versions.map((version) => (
        <li key={version.version}>
          {t('commitmentVersion', {
            version: version.version,
            date: when.format(new Date(version.at)),
            reason: version.reason,
          })}
        </li>
      ))}
    </ol>
  );
}
