// Words for values the open data releases carry in English (ACLED's event types, verification
// statuses): each known value has a catalogue key; an unknown one is shown as released.
import type { TFunction } from 'i18next';

/** ACLED's six event types, by the key of their label. */
export const EVENT_TYPES: Readonly<Record<string, string>> = {
  Battles: 'battles',
  'Explosions/Remote violence': 'explosions',
  'Violence against civilians': 'civilians',
  Protests: 'protests',
  Riots: 'riots',
  'Strategic developments': 'strategic',
};

/** The translated label of a released value, or the value itself when it has none. */
export function labelOf(t: TFunction, labels: Readonly<Record<string, string>>, prefix: string) {
  return (value: string) => {
    const key = labels[value];
    return key === undefined ? value : t(`${prefix}${key}`);
  };
}
