// Where the monitor stands: the checkpoint (from the gazetteer kept on the device) and the
// direction of travel. Kept in this browser (no identity in it), so a reload or a new shift on
// the same phone starts where the last one was.
import { useTranslation } from 'react-i18next';
import type { Direction } from '../../../../src/passage/database/passage-vocabulary.ts';
import { DIRECTIONS } from '../../../../src/passage/database/passage-vocabulary.ts';
import type { Place } from '../device/device-store.ts';
import { placeName } from './place-name.ts';

/** The chosen checkpoint and direction. */
export interface Station {
  readonly checkpointId: string;
  readonly direction: Direction;
}

const STORED = 'vigil.checkpoint.station';

/** The station chosen last on this browser, if any. */
export function storedStation(): Station | undefined {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORED) ?? 'null') as Partial<Station> | null;
    const direction = DIRECTIONS.find((known) => known === parsed?.direction);
    if (typeof parsed?.checkpointId !== 'string' || direction === undefined) return undefined;
    return { checkpointId: parsed.checkpointId, direction };
  } catch {
    return undefined;
  }
}

/** Keeps `station` for the next visit. */
export function storeStation(station: Station): void {
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
        {places.map((place) => (
          <option key={place.id} value={place.id}>
            {placeName(place, i18n.language)}
          </option>
        ))}
      </select>
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
    </div>
  );
}
