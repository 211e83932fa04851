// A line chart over reporting days, drawn with uPlot on a canvas that follows its container's
// width (a 360 px phone too). It is loaded lazily, after the tables it illustrates, which hold
// the same figures for screen readers and keyboards: the canvas is one labelled image. Gaps are
// drawn as gaps (a suppressed cell is no number), and points are shown so a lone day is visible.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { dateFormat, numberFormat } from '../formats.ts';
import { chartColour } from './chart-colours.ts';

const HEIGHT = 220;

/** One line: its label and one value per day (null: nothing to draw). */
export interface ChartLine {
  label: string;
  values: (number | null)[];
}

/** What the chart draws, and the text that stands for it. */
export interface LineChartProps {
  /** The id of the element whose text names the chart (its caption). */
  labelledBy: string;
  /** The days (YYYY-MM-DD), oldest first. */
  days: string[];
  lines: ChartLine[];
  /** The reader's language, for day and number labels. */
  language: string;
}

function dayLabel(language: string) {
  const format = dateFormat(language, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  return (day: string | undefined) =>
    day === undefined ? '' : format.format(Date.parse(`${day}T00:00:00Z`));
}

function optionsOf(props: LineChartProps, width: number): uPlot.Options {
  const day = dayLabel(props.language);
  const number = numberFormat(props.language);
  const axis = { stroke: '#4a535e', grid: { stroke: '#e3e8ee', width: 1 }, ticks: { show: false } };
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: false },
      // Counts start at zero, and a chart of zeros still has an axis.
      y: { range: (_plot, _min, max) => [0, Math.max(1, max) * 1.1] },
    },
    axes: [
      {
        ...axis,
        space: 56,
        incrs: [1, 2, 7, 14, 28],
        values: (_plot, splits) =>
          splits.map((at) => (Number.isInteger(at) ? day(props.days[at]) : '')),
      },
      {
        ...axis,
        size: 48,
        values: (_plot, splits) =>
          splits.map((value) => (Number.isInteger(value) ? number.format(value) : '')),
      },
    ],
    series: [
      {},
      ...props.lines.map((line, index) => ({
        label: line.label,
        stroke: chartColour(index),
        width: 2,
        spanGaps: false,
        points: { show: true, size: 6, fill: chartColour(index) },
      })),
    ],
  };
}

/** The chart, redrawn when its data or language changes and resized with its container. */
export function LineChart(props: LineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const drawn = JSON.stringify([props.days, props.lines, props.language]);
  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const data: uPlot.AlignedData = [
      props.days.map((_, index) => index),
      ...props.lines.map((line) => line.values),
    ];
    const plot = new uPlot(optionsOf(props, element.clientWidth), data, element);
    const follow = new ResizeObserver(() => {
      if (element.clientWidth !== plot.width) {
        plot.setSize({ width: element.clientWidth, height: HEIGHT });
      }
    });
    follow.observe(element);
    return () => {
      follow.disconnect();
      plot.destroy();
    };
    // Redrawn when what it draws changes (`drawn`), not on every new props object.
  }, [drawn]);
  return <div ref={box} className="chart" role="img" aria-labelledby={props.labelledBy} />;
}
