/**
 * Loss curves as the page keeps them: every point the worker sent, and a thinned copy for the
 * chart (at most MAX_PLOT_POINTS per line, each the mean of a run of neighbours), so a long run
 * stays cheap to draw. Non-finite values never reach the chart.
 */
import type { Series } from '../../kit/plot-data.ts';
import type { LossPoint } from '../../kit/trainer/protocol.ts';

/** The most points one line of the loss chart draws. */
export const MAX_PLOT_POINTS = 300;

/** Points thinned to at most `max` by averaging consecutive runs (x and y both averaged). */
export function thinPoints(points: readonly LossPoint[], max = MAX_PLOT_POINTS): [number, number][] {
  const finite = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (finite.length <= max) return finite.map(([x, y]) => [x, y]);
  const run = Math.ceil(finite.length / max);
  const out: [number, number][] = [];
  for (let start = 0; start < finite.length; start += run) {
    const chunk = finite.slice(start, start + run);
    out.push([chunk.reduce((s, p) => s + p[0], 0) / chunk.length, chunk.reduce((s, p) => s + p[1], 0) / chunk.length]);
  }
  return out;
}

/** One session's curves, named for the legend. */
export interface LossCurves {
  readonly label: string;
  readonly train: readonly LossPoint[];
  readonly validation: readonly LossPoint[];
}

/** Chart series for sessions: "<label> train" and "<label> validation" (validation only when asked). */
export function lossSeries(curves: readonly LossCurves[], includeTrain = true): Series[] {
  return curves.flatMap((c) => [
    ...(includeTrain ? [{ name: `${c.label}train`.trim(), points: thinPoints(c.train) }] : []),
    { name: `${c.label}validation`.trim(), points: thinPoints(c.validation) },
  ]);
}
