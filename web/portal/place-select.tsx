/** @jsxImportSource preact */
// An optional choice of a place from the gazetteer; when the list cannot be loaded (offline),
// the field says so and the step carries on without it.
import { Field, valueOf } from './form.tsx';
import { useLocale } from './language.ts';
import { placeOptions } from './places.ts';
import type { Places } from './places.ts';

/** A select of `places`, empty meaning none chosen. */
export function PlaceSelect(props: {
  id: string;
  label: string;
  places: Places;
  value: string;
  onChange: (placeId: string) => void;
}) {
  const { t, language } = useLocale();
  const failed = props.places.state === 'failed';
  const options = props.places.state === 'ready' ? placeOptions(props.places.places, language) : [];
  const hint = failed ? t('placesUnavailable') : undefined;
  return (
    <Field id={props.id} label={props.label} hint={hint}>
      <select
        id={props.id}
        value={props.value}
        aria-describedby={failed ? `${props.id}-hint` : undefined}
        onChange={(event) => {
          props.onChange(valueOf(event));
        }}
      >
        <option value="">{t('placeNone')}</option>
        {options.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
    </Field>
  );
}
