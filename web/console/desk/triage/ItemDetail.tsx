// One information item: what is known of it (never its account, until read on purpose), its
// credibility gradings, its source, and what triage does with it — grade, set aside, open an
// incident — plus the records it may duplicate.
import { useTranslation } from 'react-i18next';
import { SubjectSuggestions } from '../duplicates/SubjectSuggestions.tsx';
import { usePlaceName } from '../shared/desk-context.tsx';
import type { ItemView } from '../shared/desk-types.ts';
import { formatInstant } from '../shared/format.ts';
import { Gradings } from '../shared/Gradings.tsx';
import { Loading } from '../shared/Loading.tsx';
import { useLoad } from '../shared/use-api.ts';
import { AccountReader } from './AccountReader.tsx';
import { GradeForm } from './GradeForm.tsx';
import { OpenIncidentForm } from './OpenIncidentForm.tsx';
import { SetAsideForm } from './SetAsideForm.tsx';
import { SourcePanel } from './SourcePanel.tsx';

function Facts({ view }: { view: ItemView }) {
  const { t, i18n } = useTranslation('desk');
  const placeName = usePlaceName();
  const { item } = view;
  const rows: [string, string][] = [
    [t('item.channel'), t(`channel.${item.channel}`)],
    [t('item.received'), formatInstant(item.receivedAt, i18n.language)],
    [
      t('item.occurred'),
      item.occurredAt === null ? t('unknown') : formatInstant(item.occurredAt, i18n.language),
    ],
    [t('item.place'), placeName(item.placeId)],
    [t('item.type'), item.eventType === null ? t('unknown') : t(`subType.${item.eventType}`)],
    [
      t('item.proximity'),
      item.proximity === null ? t('unknown') : t(`proximity.${item.proximity}`),
    ],
    [t('item.credibility'), t(`credibility.${String(item.credibility)}`)],
    [t('item.status'), t(`itemStatus.${item.status}`)],
  ];
  if (item.statusReason !== null) rows.push([t('item.statusReason'), item.statusReason]);
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The item `id`. */
export function ItemDetail({ id }: { id: string }) {
  const { t } = useTranslation('desk');
  const loaded = useLoad<ItemView>(`/api/v1/info-items/${encodeURIComponent(id)}`);
  return (
    <Loading loaded={loaded}>
      {(view) => (
        <article className="detail" aria-labelledby="item-heading">
          <h4 id="item-heading">{t('item.heading')}</h4>
          <Facts view={view} />
          <AccountReader id={view.item.id} />
          <Gradings
            heading={t('item.gradings')}
            gradings={view.gradings}
            valueOf={(grading) => t(`credibility.${String(grading.credibility ?? 6)}`)}
          />
          <GradeForm item={view.item} onGraded={loaded.reload} />
          <SourcePanel sourceId={view.item.sourceId} />
          {view.item.status === 'new' ? (
            <>
              <OpenIncidentForm item={view.item} />
              <SetAsideForm item={view.item} onSetAside={loaded.reload} />
              <SubjectSuggestions subject={{ kind: 'info_item', id: view.item.id }} />
            </>
          ) : null}
        </article>
      )}
    </Loading>
  );
}
