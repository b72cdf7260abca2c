/**
 * What the gradient-map widget shows for the page's settings: the map's cells on a log colour scale, the line of
 * ‖∂L_T/∂h_k‖ against k with two reference rates, a few summary numbers, and honest messages where float64 ran out
 * (overflow past ~1.8e308, underflow to exactly 0, a reader formula with no finite value). Nothing here shows NaN.
 */
import { formatNumber } from '../../kit/format.ts';
import type { Series } from '../../kit/plot-data.ts';
import { bpttActivation } from './bptt-activation.ts';
import { computeGradientMap, HEATMAP_WINDOW, type GradientMap } from './gradient-map.ts';
import type { PageSettings } from './page-settings.ts';

/** One cell of the map: the pair (t, k), its norm, and log₁₀ of it (−Infinity for 0, NaN when not a number). */
export interface HeatCell {
  readonly t: number;
  readonly k: number;
  readonly norm: number;
  readonly log: number;
}

/** The widget's whole state for one set of settings. */
export interface GradientView {
  readonly settings: PageSettings;
  /** TeX of the chosen f. */
  readonly fTex: string;
  /** Why the reader's formula cannot be used (only when act = yours). */
  readonly formulaError: string | undefined;
  /** The computed map, or undefined with formulaError or failure set. */
  readonly map: GradientMap | undefined;
  /** Why nothing could be computed (never expected; shown instead of the map). */
  readonly failure: string | undefined;
  /** The lower triangle of the map, row by row. */
  readonly cells: readonly HeatCell[];
  /** The colour scale runs over log₁₀ norms in [−scaleEnd, scaleEnd]. */
  readonly scaleEnd: number;
  /** The line plot's series, as log₁₀: measured, the rate ρ^(T−k), and the bound (γ‖W_hh‖₂)^(T−k). */
  readonly series: readonly Series[];
  /** Overflow, underflow and window notes, in reading order. */
  readonly notes: readonly string[];
  /** ‖∂L_T/∂h_1‖, the gradient that crosses the whole sequence (NaN if not finite). */
  readonly firstStepNorm: number;
}

/** log₁₀ of a norm: −Infinity for 0, NaN for anything that is not a finite non-negative number. */
export function logNorm(norm: number): number {
  if (!Number.isFinite(norm) || norm < 0) return Number.NaN;
  return norm === 0 ? Number.NEGATIVE_INFINITY : Math.log10(norm);
}

function cellsOf(map: GradientMap): HeatCell[] {
  const cells: HeatCell[] = [];
  map.pairNorms.forEach((row, i) => {
    for (let j = 0; j <= i; j++) cells.push({ t: map.windowStart + i, k: map.windowStart + j, norm: row[j]!, log: logNorm(row[j]!) });
  });
  return cells;
}

/** The colour scale's end: the largest finite |log₁₀ norm|, rounded up, at least 1. */
export function scaleEndOf(cells: readonly HeatCell[]): number {
  let end = 1;
  for (const { log } of cells) if (Number.isFinite(log)) end = Math.max(end, Math.ceil(Math.abs(log)));
  return end;
}

function seriesOf(map: GradientMap, steps: number, rho: number): Series[] {
  // Plotted as log₁₀ on a linear axis: the reference rates stay finite at any T, and 10^−300 still gets a tick.
  const slopeLog = Math.log10(map.maxSlope * map.matrix.spectralNorm);
  const at = (values: (k: number) => number) => map.lastStepNorms.map((_, i) => [i + 1, values(i + 1)] as const);
  return [
    { name: 'log₁₀ ‖∂L_T/∂h_k‖', points: at((k) => logNorm(map.lastStepNorms[k - 1]!)) },
    { name: '(T−k) log₁₀ ρ', points: at((k) => (steps - k) * Math.log10(rho)) },
    { name: 'bound: (T−k) log₁₀(γ‖W_hh‖₂)', points: at((k) => (Number.isFinite(slopeLog) ? (steps - k) * slopeLog : Number.NaN)) },
  ];
}

/** Messages for a forward pass that broke, gradients that overflowed or underflowed, and the window. */
function notesOf(map: GradientMap, settings: PageSettings, explain: (a: number) => string | undefined): string[] {
  const notes: string[] = [];
  const T = settings.steps;
  if (T > HEATMAP_WINDOW) notes.push(`The map shows the last ${HEATMAP_WINDOW} steps (t, k from ${map.windowStart} to ${T}); the line below it covers all ${T}.`);
  if (map.brokenStep !== undefined) {
    const reason = map.brokenAt !== undefined ? explain(map.brokenAt) : undefined;
    notes.push(
      reason && map.brokenAt !== undefined
        ? `The forward pass broke at step ${map.brokenStep}: your f at a = ${formatNumber(map.brokenAt)} gives no finite value (${reason.charAt(0).toLowerCase()}${reason.slice(1).replace(/\.$/, '')}). Gradients through step ${map.brokenStep} and later are not numbers and are not drawn.`
        : `The hidden state passed float64's largest number (about 1.8e308) at step ${map.brokenStep}. Gradients through step ${map.brokenStep} and later are not numbers and are not drawn.`,
    );
  }
  const norms = map.lastStepNorms;
  const lastFinite = map.brokenStep === undefined ? T : map.brokenStep - 1;
  let overflowAt = -1;
  for (let k = Math.min(lastFinite, T); k >= 1; k--) if (!Number.isFinite(norms[k - 1]!)) { overflowAt = k; break; }
  if (overflowAt > 0) notes.push(`‖∂L_T/∂h_k‖ exceeded 1e308 at step k = ${overflowAt}, ${T - overflowAt} steps before T = ${T}: float64 cannot hold it, so it and the earlier steps are not drawn.`);
  const zeros = norms.filter((norm) => norm === 0).length;
  if (zeros > 0) {
    const cause = settings.activation === 'ReLU' ? 'every path back was switched off (ReLU′ = 0) or the value fell below about 1e−308, where float64 rounds to 0' : 'it fell below about 1e−308, where float64 rounds to 0';
    notes.push(`‖∂L_T/∂h_k‖ is exactly 0 for ${zeros} of the ${T} steps: ${cause}. Its logarithm is −∞, so those points are left out.`);
  }
  const badCells = map.pairNorms.reduce((count, row, i) => count + row.slice(0, i + 1).filter((norm) => !Number.isFinite(norm)).length, 0);
  if (badCells > 0) notes.push(`${badCells} pairs of the map are not finite numbers; they are hatched.`);
  return notes;
}

/** Compute and describe everything for the settings; never throws. */
export function gradientView(settings: PageSettings): GradientView {
  const resolved = bpttActivation(settings.activation, settings.formula);
  const empty = { settings, map: undefined, cells: [], scaleEnd: 1, series: [], notes: [], firstStepNorm: Number.NaN };
  if (!resolved.ok) return { ...empty, fTex: 'f(a) = \\;?', formulaError: resolved.message, failure: undefined };
  try {
    const result = computeGradientMap({ seed: settings.seed, rho: settings.rho, steps: settings.steps, hiddenSize: settings.hiddenSize, activation: resolved.activation });
    if (!result.ok) return { ...empty, fTex: resolved.tex, formulaError: undefined, failure: result.message };
    const { map } = result;
    const cells = cellsOf(map);
    const first = map.lastStepNorms[0]!;
    return {
      settings,
      fTex: resolved.tex,
      formulaError: undefined,
      map,
      failure: undefined,
      cells,
      scaleEnd: scaleEndOf(cells),
      series: seriesOf(map, settings.steps, settings.rho),
      notes: notesOf(map, settings, resolved.explain),
      firstStepNorm: Number.isFinite(first) ? first : Number.NaN,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...empty, fTex: resolved.tex, formulaError: undefined, failure: `These settings could not be computed: ${message}` };
  }
}
