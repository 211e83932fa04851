// The fields of a new incident's content: the taxonomy's sub-type (grouped by event type), when
// and where with their precisions, the figures, and the texts.
import { useTranslation } from 'react-i18next';
import {
  isSubEventType,
  SUB_EVENT_TYPE_CODES,
  SUB_EVENT_TYPES,
} from '../../../../src/monitoring/model/event-taxonomy.ts';
import { useDesk } from '../shared/desk-context.tsx';
import type { IncidentDraft } from './incident-draft.ts';
import { instantOfLocalInput, localInputOf, TOLL_KINDS } from './incident-draft.ts';

const EVENT_TYPES = [
  ...new Set(SUB_EVENT_TYPE_CODES.map((code) => SUB_EVENT_TYPES[code].eventType)),
];
const PRECISIONS = [1, 2, 3] as const;
const precision = (value: string) => PRECISIONS.find((p) => String(p) === value) ?? 3;

/** Props: the draft and how to change it. */
interface FieldsProps {
  readonly draft: IncidentDraft;
  readonly change: (patch: Partial<IncidentDraft>) => void;
}

function TypeField({ draft, change }: FieldsProps) {
  const { t } = useTranslation('desk');
  return (
    <label>
      {t('incident.subType')}
      <select
        value={draft.subEventType}
        onChange={(event) => {
          if (isSubEventType(event.target.value)) change({ subEventType: event.target.value });
        }}
      >
        {EVENT_TYPES.map((eventType) => (
          <optgroup key={eventType} label={t(`eventType.${eventType}`)}>
            {SUB_EVENT_TYPE_CODES.filter(
              (code) => SUB_EVENT_TYPES[code].eventType === eventType,
            ).map((code) => (
              <option key={code} value={code}>
                {t(`subType.${code}`)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

function WhenWhere({ draft, change }: FieldsProps) {
  const { t, i18n } = useTranslation('desk');
  const { places } = useDesk();
  const named = [...places.values()]
    .map((place) => ({ id: place.id, name: place.names[i18n.language] ?? place.names['en'] ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  return (
    <>
      <label>
        {t('incident.occurred')}
        <input
          type="datetime-local"
          required
          value={localInputOf(draft.occurredStart)}
          onChange={(event) => {
            const instant = instantOfLocalInput(event.target.value);
            if (instant !== undefined) change({ occurredStart: instant });
          }}
        />
      </label>
      <label>
        {t('incident.timePrecision')}
        <select
          value={draft.timePrecision}
          onChange={(event) => {
            change({ timePrecision: precision(event.target.value) });
          }}
        >
          {PRECISIONS.map((value) => (
            <option key={value} value={value}>
              {t(`timePrecision.${String(value)}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('incident.place')}
        <select
          value={draft.placeId ?? ''}
          onChange={(event) => {
            change({ placeId: event.target.value === '' ? null : event.target.value });
          }}
        >
          <option value="">{t('noPlace')}</option>
          {named.map((place) => (
            <option key={place.id} value={place.id}>
              {place.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('incident.geoPrecision')}
        <select
          value={draft.geoPrecision}
          onChange={(event) => {
            change({ geoPrecision: precision(event.target.value) });
          }}
        >
          {PRECISIONS.map((value) => (
            <option key={value} value={value}>
              {t(`geoPrecision.${String(value)}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

function Figures({ draft, change }: FieldsProps) {
  const { t } = useTranslation('desk');
  return (
    <fieldset className="figures">
      <legend>{t('incident.figures')}</legend>
      {TOLL_KINDS.map((kind) => (
        <label key={kind}>
          {t(`toll.${kind}`)}
          <input
            type="number"
            min={0}
            max={10_000_000}
            inputMode="numeric"
            value={draft.tolls[kind]}
            onChange={(event) => {
              const count = Math.max(0, Math.trunc(Number(event.target.value) || 0));
              change({ tolls: { ...draft.tolls, [kind]: count } });
            }}
          />
        </label>
      ))}
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.civilianTargeting}
          onChange={(event) => {
            change({ civilianTargeting: event.target.checked });
          }}
        />
        {t('incident.civilianTargeting')}
      </label>
    </fieldset>
  );
}

/** Every content field of a new incident. */
export function IncidentFields({ draft, change }: FieldsProps) {
  const { t } = useTranslation('desk');
  return (
    <>
      <TypeField draft={draft} change={change} />
      <WhenWhere draft={draft} change={change} />
      <Figures draft={draft} change={change} />
      <label>
        {t('incident.narrative')}
        <textarea
          required
          rows={4}
          maxLength={20_000}
          value={draft.narrative}
          onChange={(event) => {
            change({ narrative: event.target.value });
          }}
        />
      </label>
      <label>
        {t('incident.publicSummary')}
        <textarea
          rows={3}
          maxLength={4000}
          value={draft.publicSummary}
          onChange={(event) => {
            change({ publicSummary: event.target.value });
          }}
        />
      </label>
    </>
  );
}
