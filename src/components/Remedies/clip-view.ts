/** Everything the clipping widget shows for one set of settings: the first gradient, two training runs, and their plot series. */
import type { Series } from '../../kit/plot-data.ts';
import { firstGradient, settingsProblem, trainingRun, type FirstGradient, type TrainingRun } from './clip-training.ts';
import type { ClipMode, ClipSettings } from './clip-settings.ts';

/** The widget's state: a settings problem, or the numbers. */
export interface ClipView {
  readonly settings: ClipSettings;
  /** Why nothing could be computed, or null. */
  readonly problem: string | null;
  /** The first gradient, raw and clipped; null when it was not finite. */
  readonly first: FirstGradient | null;
  /** The unclipped run, then the clipped one (only the unclipped one when mode is none). */
  readonly runs: readonly TrainingRun[];
}

/** The name a run goes by in the plot and the readouts. */
export function runName(mode: ClipMode): string {
  return mode === 'none' ? 'no clipping' : mode === 'norm' ? 'clip by norm' : 'clip by value';
}

/** The last unclipped run and what it depended on: moving a clipping control leaves it as it was. */
let lastUnclipped: { readonly key: string; readonly run: TrainingRun } | null = null;

/** The run without clipping, which depends only on ρ, the seed and the learning rate. */
function unclippedRun(settings: ClipSettings): TrainingRun {
  const key = JSON.stringify([settings.spectralRadius, settings.seed, settings.learningRate]);
  if (lastUnclipped?.key !== key) lastUnclipped = { key, run: trainingRun(settings, 'none') };
  return lastUnclipped.run;
}

/** Compute the widget's state from its settings (never throws). */
export function clipView(settings: ClipSettings): ClipView {
  const problem = settingsProblem(settings);
  if (problem) return { settings, problem, first: null, runs: [] };
  const runs = settings.mode === 'none' ? [unclippedRun(settings)] : [unclippedRun(settings), trainingRun(settings, settings.mode)];
  return { settings, problem: null, first: firstGradient(settings), runs };
}

/**
 * One line per run: log₁₀ of the loss at each SGD step (a run that broke stops where it broke). The
 * logarithm is taken here, not by a log axis, because an unclipped loss can reach 1e75 and beyond,
 * past the range of SI tick labels.
 */
export function lossSeries(view: ClipView): Series[] {
  return view.runs.map((run) => ({
    name: runName(run.mode),
    points: run.losses.flatMap((loss, i) => (loss > 0 && Number.isFinite(loss) ? [[i + 1, Math.log10(loss)] as const] : [])),
  }));
}
