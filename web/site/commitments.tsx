// The parties' public commitments: what was promised, by whom, when and where it was said, the
// evidence the mission linked to each that is public — incidents of the latest open data
// release, shown as that release has them — and each commitment's public history (its versions
// and why each was made), read when opened. Links to incidents not released, to observations,
// and the analysts' reasoning are never published (docs/commitment-evidence.md).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment, CommitmentVersion, Release, Row } from './data.ts';
import { fetchJson, fetchOnce, latestRelease } from './data.ts';
import { Section, Status } from './ui.tsx';
import type { Loaded } from './use-loaded.ts';
import { useLoaded } from './use-loaded.ts';
import { useNearViewport } from './use-near-viewport.ts';
import { EVENT_TYPES, labelOf } from './released-labels.ts';

const loadCommitments = async () =>
  (await fetchOnce<{ commitments: Commitment[] }>('/api/v1/commitments?limit=20')).commitments;

/** One published piece of evidence (GET /api/v1/commitments/:id/evidence). */
interface Evidence {
  relation: 'breach' | 'compliance';
  linkedOn: string;
  publicId: string;
  releaseVersion: number;
}

/** A commitment's evidence, with the incidents release the page reads its rows from. */
interface LoadedEvidence {
  evidence: Evidence[];
  release: Release | null;
}

const loadEvidence = async (id: string): Promise<LoadedEvidence> => {
  const [answer, release] = await Promise.all([
    fetchOnce<{ evidence: Evidence[] }>(`/api/v1/commitments/${id}/evidence`),
    latestRelease('incidents'),
  ]);
  return { evidence: answer.evidence, release };
};

// Released rows by public id, indexed once per release (every commitment reads the same one).
const rowIndexes = new WeakMap<Release, ReadonlyMap<string, Row>>();

function releasedRow(release: Release, publicId: string): Row | undefined {
  let index = rowIndexes.get(release);
  if (index === undefined) {
    index = new Map(release.rows.map((row) => [String(row['event_id_cnty']), row]));
    rowIndexes.set(release, index);
  }
  return index.get(publicId);
}

/** A released day (YYYY-MM-DD) as the reader's language writes it. */
const dayText = (language: string, day: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** The parties' public commitments, in the reader's language where translated. */
export function Commitments() {
  const { t, i18n } = useTranslation();
  const loaded = useLoaded(loadCommitments);
  return (
    <Section id="commitments" title={t('commitmentsHeading')}>
      <Status loaded={loaded} empty={(list) => list.length === 0}>
        {(list) => (
          <>
            <ul className="commitments">
              {list.map((commitment) => (
                <li key={commitment.id}>
                  <blockquote>
                    {commitment.translations[i18n.language] ?? commitment.text}
                  </blockquote>
                  <p>{t('madeOn', { date: commitment.madeOn, party: commitment.party })}</p>
                  <p className="muted">
                    {t('commitmentSource', {
                      source: commitment.sourceRef,
                      scope: commitment.scope,
                    })}
                  </p>
                  <LinkedEvidence id={commitment.id} />
                  <History id={commitment.id} versions={commitment.version} />
                </li>
              ))}
            </ul>
            <p className="muted">{t('commitmentEvidenceNote')}</p>
          </>
        )}
      </Status>
    </Section>
  );
}

/** A commitment's public evidence, fetched when the commitment comes near the screen. */
function LinkedEvidence(props: { id: string }) {
  const { t } = useTranslation();
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const [loaded, setLoaded] = useState<Loaded<LoadedEvidence>>({ state: 'loading' });
  useEffect(() => {
    if (!near) return;
    let live = true;
    loadEvidence(props.id).then(
      (value) => {
        if (live) setLoaded({ state: 'ready', value });
      },
      () => {
        if (live) setLoaded({ state: 'failed' });
      },
    );
    return () => {
      live = false;
    };
  }, [near, props.id]);
  const headingId = `evidence-${props.id}`;
  return (
    <div className="evidence" ref={ref}>
      <h3 id={headingId}>{t('commitmentEvidenceHeading')}</h3>
      {loaded.state === 'ready' && loaded.value.evidence.length === 0 ? (
        <p>{t('commitmentEvidenceNone')}</p>
      ) : (
        <Status loaded={loaded} empty={() => false}>
          {({ evidence, release }) => (
            <ul aria-labelledby={headingId}>
              {evidence.map((item) => (
                <EvidenceItem key={item.publicId} item={item} release={release} />
              ))}
            </ul>
          )}
        </Status>
      )}
    </div>
  );
}

/** One piece of evidence: relation, day linked, and the released incident it points at. */
function EvidenceItem(props: { item: Evidence; release: Release | null }) {
  const { t, i18n } = useTranslation();
  const { item, release } = props;
  const row =
    release?.version === item.releaseVersion ? releasedRow(release, item.publicId) : undefined;
  const file = `/open-data/incidents/${String(item.releaseVersion)}.csv`;
  return (
    <li>
      <strong>{t(`commitmentEvidence.${item.relation}`)}</strong>{' '}
      {t('commitmentEvidenceLinked', { date: dayText(i18n.language, item.linkedOn) })}
      {row === undefined ? null : <IncidentSummary row={row} />}
      <br />
      <span className="muted">
        {t('commitmentEvidenceRecord', { version: item.releaseVersion })}{' '}
        <a href={file} style={{ overflowWrap: 'anywhere' }}>
          {item.publicId}
        </a>
      </span>
    </li>
  );
}

/** The released incident as its row has it: event type, day, and place. */
function IncidentSummary(props: { row: Row }) {
  const { t, i18n } = useTranslation();
  const { row } = props;
  const type = String(row['event_type'] ?? '');
  const location = row['location'];
  const district = row['admin1'];
  const place =
    typeof location === 'string' && location !== ''
      ? location
      : typeof district === 'string' && district !== ''
        ? t('commitmentEvidenceDistrict', { code: district })
        : t('unknownPlace');
  return (
    <>
      <br />
      {t('commitmentEvidenceIncident', {
        type: labelOf(t, EVENT_TYPES, 'eventType.')(type),
        date: dayText(i18n.language, String(row['event_date'])),
        place,
      })}
    </>
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
