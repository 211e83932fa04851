// A place's name in the reader's language, else English (every place has an English name).
import type { Place } from '../device/device-store.ts';

/** The name of `place` in `language`, else in English. */
export function placeName(place: Place, language: string): string {
  return place.names[language] ?? place.names.en;
}
