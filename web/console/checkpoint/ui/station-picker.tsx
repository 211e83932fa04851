// Where the monitor stands: a checkpoint and the direction of travel, or an arrival place (a
// reception point: people arrive there, whichever way they came), from the gazetteer kept on the
// device. Kept in this browser (no identity in it), so a reload or a new shift on the same phone
// starts where the last one was.
import { useTranslation } from 'react-i18next';
import { DIRECTIONS } from '../../../../src/passage/database/passage-vocabulary.ts';
import { isArrivalPlace } from '../capture/recording.ts';
import type { Station } from '../capture/recording.ts';
import type { Place } from '../device/device-store.ts';
import { placeName } from './place-name.ts';

const STORED = 'vigil.checkpoint.station';

/** The place (and direction, if chosen) chosen last on this browser. */
export function storedStation(): Partial<Station> | undefined {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORED) ?? 'null') as Partial<Station> | null;
    if (typeof parsed?.checkpointId !== 'string') return undefined;
    const direction = DIRECTIONS.find((known) => known === parsed.direction);
    return direction === undefined
      ? { checkpointId: parsed.checkpointId }
      : { checkpointId: parsed.checkpointId, direction };
  } catch {
    return undefined;
  }
}

/** Keeps `station` for the next visit. */
export function storeStation(station: Partial<Station>): void {
  localStorage.setItem(STORED, JSON.stringify(station));
}

/** The checkpoint select and the direction choice. */
export function StationPicker({
  places,
  station,
  onChange,
}: {
  places: readonly Place[];
  station: Partial<Station>;
  onChange: (station: Partial<Station>) => void;
}) {
  const { t, i18n } = useTranslation('checkpoint');
  if (places.length === 0) return <p>{t('station.noPlaces')}</p>;
  const chosen = places.find((place) => place.id === station.checkpointId);
  const groups = [
    { key: 'station.checkpoints', places: places.filter((place) => !isArrivalPlace(place)) },
    { key: 'station.arrivalPlaces', places: places.filter(isArrivalPlace) },
  ].filter((group) => group.places.length > 0);
  return (
    <div className="station">
      <label htmlFor="station-checkpoint">{t('station.checkpoint')}</label>
      <select
        id="station-checkpoint"
        value={station.checkpointId ?? ''}
        onChange={(event) => {
          onChange({ ...station, checkpointId: event.target.value });
        }}
      >
        <option value="" disabled>
          {t('station.choose')}
        </option>
        {groups.map((group) => (
          <optgroup key={group.key} label={t(group.key)}>
            {group.places.map((place) => (
              <option key={place.id} value={place.id}>
                {placeName(place, i18n.language)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {isArrivalPlace(chosen) ? (
        <p>{t('station.arrivals')}</p>
      ) : (
        <Directions station={station} onChange={onChange} />
      )}
    </div>
  );
}

function Directions({
  station,
  onChange,
}: {
  station: Partial<Station>;
  onChange: (station: Partial<Station>) => void;
}) {
  const { t } = useTranslation('checkpoint');
  return (
    <fieldset className="choices">
      <legend>{t('station.direction')}</legend>
      {DIRECTIONS.map((direction) => (
        <label key={direction} className="choice">
          <input
            type="radio"
            name="direction"
            value={direction}
            checked={station.direction === direction}
            onChange={() => {
              onChange({ ...station, direction });
            }}
          />
          {t(`direction.${direction}`)}
        </label>
      ))}
    </fieldset>
  );
}
