// Places a resident may choose (GET /api/v1/places, the public gazetteer): settlements, named in
// the reader's language when the gazetteer has it, else in English, and sorted for that language.
import type { Language } from './i18n/catalogues.ts';

/** A place as the gazetteer answers it (the fields the portal uses). */
export interface Place {
  id: string;
  names: { en: string; hy?: string; az?: string; ru?: string };
}

/** The gazetteer's places, or why there are none to offer. */
export type Places =
  { state: 'loading' } | { state: 'ready'; places: Place[] } | { state: 'failed' };

/** `place`'s name in `language`, else English. */
export function placeName(place: Place, language: Language): string {
  return place.names[language] ?? place.names.en;
}

/** `places` as [id, name] pairs in `language`, in that language's alphabetical order. */
export function placeOptions(places: readonly Place[], language: Language): [string, string][] {
  const collator = new Intl.Collator(language);
  return places
    .map((place): [string, string] => [place.id, placeName(place, language)])
    .sort((a, b) => collator.compare(a[1], b[1]));
}
