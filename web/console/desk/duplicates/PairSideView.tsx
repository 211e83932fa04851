// One record of a suggested pair, described so an analyst can judge the pair: what, where and
// when (read from the record itself), its stage, and a way to open it.
import { useTranslation } from 'react-i18next';
import { useDesk, usePlaceName } from '../shared/desk-context.tsx';
import type { IncidentView, ItemView, PairSide } from '../shared/desk-types.ts';
import { formatInstant, shortId } from '../shared/format.ts';
import { useLoad } from '../shared/use-api.ts';

interface Described {
  readonly type: string | null;
  readonly placeId: string | null;
  readonly at: string | null;
}

function useDescribed(side: PairSide): Described | undefined {
  const path =
    side.kind === 'incident'
      ? `/api/v1/incidents/${encodeURIComponent(side.id)}`
      : `/api/v1/info-items/${encodeURIComponent(side.id)}`;
  const loaded = useLoad<IncidentView | ItemView>(path);
  if (loaded.state !== 'ready') return undefined;
  const value = loaded.value;
  if ('incident' in value) {
    const { subEventType, placeId, occurredStart } = value.incident;
    return { type: subEventType, placeId, at: occurredStart };
  }
  return { type: value.item.eventType, placeId: value.item.placeId, at: value.item.occurredAt };
}

/** The side `side` of a pair. */
export function PairSideView({ side }: { side: PairSide }) {
  const { t, i18n } = useTranslation('desk');
  const { go } = useDesk();
  const placeName = usePlaceName();
  const described = useDescribed(side);
  const status =
    side.status === undefined
      ? ''
      : t(side.kind === 'incident' ? `state.${side.status}` : `itemStatus.${side.status}`);
  const open = () => {
    go(side.kind === 'incident' ? 'incidents' : 'triage', side.id);
  };
  return (
    <li>
      <button type="button" className="link" onClick={open}>
        {t(`pairKind.${side.kind}`, { id: shortId(side.id) })}
      </button>
      {status === '' ? null : <span className="muted"> — {status}</span>}
      {described === undefined ? null : (
        <span className="described">
          {[
            described.type === null ? t('triage.noType') : t(`subType.${described.type}`),
            placeName(described.placeId),
            described.at === null ? t('unknown') : formatInstant(described.at, i18n.language),
          ].join(' · ')}
        </span>
      )}
    </li>
  );
}
