// Passages per reporting day by direction, one checkpoint at a time (a chart never adds up the
// rounded, partly suppressed cells of several checkpoints), as released in checkpoint_daily.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from './charts/chart-figure.tsx';
import type { Place, Release } from './data.ts';
import { placeName } from './data.ts';
import { loadPassages } from './first-screen.ts';
import type { ReleasedCell } from './series.ts';
import { checkpointSeries, checkpointsOf, plottable } from './series.ts';
import { useCellText } from './use-cell-text.ts';
import { Section, Status, TableBox, WhenNear } from './ui.tsx';
import { useLoaded } from './use-loaded.ts';

const DIRECTIONS = ['out', 'in'] as const;

/** Passages per reporting day, by checkpoint and direction, as released. */
export function Passages() {
  const { t } = useTranslation();
  const loaded = useLoaded(loadPassages);
  return (
    <Section id="passages" title={t('passagesHeading')}>
      <Status loaded={loaded} empty={(found) => found === null || found.release.rows.length === 0}>
        {(found) => (found === null ? null : <CheckpointPassages {...found} />)}
      </Status>
    </Section>
  );
}

function CheckpointPassages({ release, places }: { release: Release; places: Place[] }) {
  const { t, i18n } = useTranslation();
  const checkpoints = checkpointsOf(release.rows).map(({ code, name }) => {
    const place = places.find((p) => p.id === code);
    return { code, name: place === undefined ? name : placeName(place, i18n.language) };
  });
  const [chosen, choose] = useState(checkpoints[0]?.code ?? '');
  const name = checkpoints.find((c) => c.code === chosen)?.name ?? '';
  const series = (column: string) =>
    checkpointSeries(release.rows, chosen, { column, directions: DIRECTIONS });
  const people = series('people');
  return (
    <>
      <p className="choice">
        <label htmlFor="checkpoint-choice">{t('checkpoint')}</label>
        <select
          id="checkpoint-choice"
          value={chosen}
          onChange={(e) => {
            choose(e.target.value);
          }}
        >
          {checkpoints.map((checkpoint) => (
            <option key={checkpoint.code} value={checkpoint.code}>
              {checkpoint.name}
            </option>
          ))}
        </select>
      </p>
      <ChartFigure
        id="passages"
        caption={t('passagesChartCaption', { checkpoint: name, version: release.version })}
        days={people.days}
        lines={people.lines.map((line) => ({
          label: t(`direction.${line.direction}`),
          values: line.cells.map(plottable),
        }))}
        language={i18n.language}
      />
      {/* Under the first screen on a phone: drawn (and its numbers formatted, which first loads
          Intl's data) when the reader comes near it; a row is about 2.1rem tall. */}
      <WhenNear room={`${String((people.days.length + 3) * 2.1)}rem`}>
        <PassagesTable
          caption={t('passagesCaption', {
            checkpoint: name,
            from: people.days[0],
            to: people.days.at(-1),
            version: release.version,
          })}
          days={people.days}
          columns={[
            ...people.lines.map((line) => ({ title: t(`people.${line.direction}`), ...line })),
            ...series('vehicles').lines.map((line) => ({
              title: t(`vehicles.${line.direction}`),
              ...line,
            })),
          ]}
        />
      </WhenNear>
    </>
  );
}

/** The chosen checkpoint's released cells, newest day first: the chart's figures, and more. */
function PassagesTable(props: {
  caption: string;
  days: string[];
  columns: { title: string; cells: ReleasedCell[] }[];
}) {
  const { t } = useTranslation();
  const cellText = useCellText();
  const newestFirst = props.days.map((day, index) => ({ day, index })).reverse();
  return (
    <TableBox captionId="passages-caption">
      <table>
        <caption id="passages-caption">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('day')}</th>
            {props.columns.map((column) => (
              <th key={column.title} scope="col" className="number">
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {newestFirst.map(({ day, index }) => (
            <tr key={day}>
              <th scope="row">{day}</th>
              {props.columns.map((column) => (
                <td key={column.title} className="number">
                  {cellText(column.cells[index])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
