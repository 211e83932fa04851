// A chart with its caption and legend, the chart itself loaded lazily and drawn only when it
// comes onto the screen: uPlot stays out of the first paint, and drawing a chart (more work on
// a phone than a whole table) does not hold up the first screen for one just under it. The
// legend is text in the page, so it is translated and read out; the table next to the figure
// holds the figures.
import { lazy, Suspense } from 'react';
import { useNearViewport } from '../use-near-viewport.ts';
import { chartColour } from './chart-colours.ts';
import type { LineChartProps } from './line-chart.tsx';

const LineChart = lazy(async () => ({ default: (await import('./line-chart.tsx')).LineChart }));

/** A captioned chart: the caption text names the canvas for assistive technology too. */
export function ChartFigure(
  props: Omit<LineChartProps, 'labelledBy'> & { id: string; caption: string },
) {
  const captionId = `${props.id}-chart-caption`;
  const [figure, near] = useNearViewport<HTMLElement>('0px');
  const waiting = <div className="chart chart-waiting" />;
  return (
    <figure className="chart-figure" ref={figure}>
      {near ? (
        <Suspense fallback={waiting}>
          <LineChart
            labelledBy={captionId}
            days={props.days}
            lines={props.lines}
            language={props.language}
          />
        </Suspense>
      ) : (
        waiting
      )}
      <ul className="chart-legend">
        {props.lines.map((line, index) => (
          <li key={line.label}>
            <span
              className="swatch"
              style={{ background: chartColour(index) }}
              aria-hidden="true"
            />
            {line.label}
          </li>
        ))}
      </ul>
      <figcaption id={captionId}>{props.caption}</figcaption>
    </figure>
  );
}
