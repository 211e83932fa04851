// The triage queue (GET /api/v1/info-items): items in one status, oldest received first, by
// pages; one opens in place, and "back" returns to the queue.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ITEM_STATUSES } from '../../../../src/monitoring/model/vocabulary.ts';
import type { ItemStatus } from '../../../../src/monitoring/model/vocabulary.ts';
import { usePlaceName } from '../shared/desk-context.tsx';
import type { InfoItem } from '../shared/desk-types.ts';
import { formatInstant } from '../shared/format.ts';
import { ListOrDetail, StateFilter } from '../shared/ListOrDetail.tsx';
import { Loading } from '../shared/Loading.tsx';
import { useLoad } from '../shared/use-api.ts';
import { ItemDetail } from './ItemDetail.tsx';

interface QueuePage {
  items: InfoItem[];
  next: string | null;
}

interface PageProps {
  readonly base: string;
  readonly after?: string;
  readonly onOpen: (id: string) => void;
}

function QueuePageList({ base, after, onOpen }: PageProps) {
  const { t, i18n } = useTranslation('desk');
  const placeName = usePlaceName();
  const page = useLoad<QueuePage>(after === undefined ? base : `${base}&after=${after}`);
  const [more, setMore] = useState(false);
  return (
    <Loading loaded={page}>
      {({ items, next }) => (
        <>
          {items.length === 0 && after === undefined ? <p>{t('triage.empty')}</p> : null}
          <ul className="records">
            {items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="record"
                  onClick={() => {
                    onOpen(item.id);
                  }}
                >
                  <strong>{t(`channel.${item.channel}`)}</strong>
                  <span>{formatInstant(item.receivedAt, i18n.language)}</span>
                  <span>{placeName(item.placeId)}</span>
                  <span>
                    {item.eventType === null ? t('triage.noType') : t(`subType.${item.eventType}`)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {next !== null && !more ? (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setMore(true);
              }}
            >
              {t('more')}
            </button>
          ) : null}
          {next !== null && more ? (
            <QueuePageList base={base} after={next} onOpen={onOpen} />
          ) : null}
        </>
      )}
    </Loading>
  );
}

/** The triage section; `openId` opens that item at once. */
export function TriageSection({ openId }: { openId: string | undefined }) {
  const { t } = useTranslation('desk');
  const [status, setStatus] = useState<ItemStatus>('new');
  return (
    <ListOrDetail
      openId={openId}
      back={t('triage.back')}
      detail={(id) => <ItemDetail id={id} />}
      list={(open) => (
        <>
          <StateFilter
            label={t('triage.status')}
            values={ITEM_STATUSES}
            value={status}
            labelOf={(value) => t(`itemStatus.${value}`)}
            onChange={(chosen) => {
              if (chosen !== '') setStatus(chosen);
            }}
          />
          <QueuePageList base={`/api/v1/info-items?status=${status}&limit=50`} onOpen={open} />
        </>
      )}
    />
  );
}
