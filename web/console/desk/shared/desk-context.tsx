// What every part of the desk shares: who is signed in, the gazetteer (to name places in the
// reader's language), and the move to another section with a record open.
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSession } from '../../session.ts';
import type { Place } from './desk-types.ts';

/** The desk's sections, in the navigation's order. */
export const SECTIONS = [
  'triage',
  'duplicates',
  'incidents',
  'commitments',
  'tracing',
  'alerts',
] as const;
/** One of SECTIONS. */
export type Section = (typeof SECTIONS)[number];

/** The shared state of the desk. */
export interface DeskShared {
  readonly session: StaffSession;
  readonly places: ReadonlyMap<string, Place>;
  /** Shows `section`, with record `id` open when given. */
  readonly go: (section: Section, id?: string) => void;
}

/** The desk's context; set by AnalystDesk. */
export const DeskContext = createContext<DeskShared | undefined>(undefined);

/** The desk's shared state (inside AnalystDesk only). */
export function useDesk(): DeskShared {
  const shared = useContext(DeskContext);
  if (shared === undefined) throw new Error('useDesk outside the analyst desk');
  return shared;
}

/** A function naming a place in the reader's language (English, then the id, when missing). */
export function usePlaceName(): (id: string | null) => string {
  const { places } = useDesk();
  const { t, i18n } = useTranslation('desk');
  return (id) => {
    if (id === null) return t('noPlace');
    const names = places.get(id)?.names;
    return names?.[i18n.language] ?? names?.['en'] ?? t('unknownPlace');
  };
}
