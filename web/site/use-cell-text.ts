// How a table prints a released cell: a number through Intl in the reader's language, a marker
// ("<5", "<10", "x") exactly as released, and a dash where the release has no such row.
import { useTranslation } from 'react-i18next';
import { numberFormat } from './formats.ts';
import type { ReleasedCell } from './series.ts';

/** The cell printer for the reader's language. */
export function useCellText(): (cell: ReleasedCell) => string {
  const { t, i18n } = useTranslation();
  const number = numberFormat(i18n.language);
  return (cell) => {
    if (cell === undefined) return t('noRow');
    if (typeof cell === 'number') return number.format(cell);
    return cell ?? '';
  };
}
