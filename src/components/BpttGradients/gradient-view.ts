/**
 * What the gradient-map widget shows for the page's settings: the map's cells on a log colour scale, the line of
 * ‖∂L_T/∂h_k‖ against k with two reference rates, a few summary numbers, and honest messages where float64 ran out
 * (overflow past ~1.8e308, underflow to exactly 0, a reader formula with no finite value). Nothing here shows NaN.
 */
import { formatNumber } from '../../kit/format.ts';
import type { Series } from '../../kit/plot-data.ts';
import { bpttActivation } from './bptt-activation.ts';
import { computeGradientMap, HEATMAP_WINDOW, type GradientMap, type GradientPhase } from './gradient-map.ts';
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

/**
 * Whether a gradient that passes through step t can be trusted. After the forward pass broke at step s, f′ is
 * evaluated at states that are not numbers (ReLU′ even reads them as 0), so only the identity, whose f′ = 1 never
 * looks at the state, still gives true gradients there.
 */
function trusted(map: GradientMap, activation: PageSettings['activation'], t: number): boolean {
  return map.brokenStep === undefined || activation === 'linear' || t < map.brokenStep;
}

function cellsOf(map: GradientMap, activation: PageSettings['activation']): HeatCell[] {
  const cells: HeatCell[] = [];
  map.pairNorms.forEach((row, i) => {
    const t = map.windowStart + i;
    for (let j = 0; j <= i; j++) {
      const norm = trusted(map, activation, t) ? row[j]! : Number.NaN;
      cells.push({ t, k: map.windowStart + j, norm, log: logNorm(norm) });
    }
  });
  return cells;
}

/** ‖∂L_T/∂h_k‖ for k = 1…T, NaN where it came through broken states. */
function lastStepNormsOf(map: GradientMap, settings: PageSettings): number[] {
  const usable = trusted(map, settings.activation, settings.steps);
  return map.lastStepNorms.map((norm, i) => (usable || i === settings.steps - 1 ? norm : Number.NaN));
}

/** The colour scale's end: the largest finite |log₁₀ norm|, rounded up, at least 1. */
export function scaleEndOf(cells: readonly HeatCell[]): number {
  let end = 1;
  for (const { log } of cells) if (Number.isFinite(log)) end = Math.max(end, Math.ceil(Math.abs(log)));
  return end;
}

function seriesOf(map: GradientMap, norms: readonly number[], steps: number, rho: number): Series[] {
  // Plotted as log₁₀ on a linear axis: the reference rates stay finite at any T, and 10^−300 still gets a tick.
  const slopeLog = Math.log10(map.maxSlope * map.matrix.spectralNorm);
  const at = (values: (k: number) => number) => norms.map((_, i) => [i + 1, values(i + 1)] as const);
  return [
    { name: 'log₁₀ ‖∂L_T/∂h_k‖', points: at((k) => logNorm(norms[k - 1]!)) },
    { name: '(T−k) log₁₀ ρ', points: at((k) => (steps - k) * Math.log10(rho)) },
    { name: 'bound: (T−k) log₁₀(γ‖W_hh‖₂)', points: at((k) => (Number.isFinite(slopeLog) ? (steps - k) * slopeLog : Number.NaN)) },
  ];
}

/** Messages for a forward pass that broke, gradients that overflowed or underflowed, and the window. */
function notesOf(map: GradientMap, norms: readonly number[], cells: readonly HeatCell[], settings: PageSettings, explain: (a: number) => string | undefined): string[] {
  const notes: string[] = [];
  const T = settings.steps;
  if (T > HEATMAP_WINDOW) notes.push(`The map shows the last ${HEATMAP_WINDOW} steps (t, k from ${map.windowStart} to ${T}); the line below it covers all ${T}.`);
  if (map.brokenStep !== undefined) {
    const reason = map.brokenAt !== undefined ? explain(map.brokenAt) : undefined;
    notes.push(
      reason && map.brokenAt !== undefined
        ? `The forward pass broke at step ${map.brokenStep}: your f at a = ${formatNumber(map.brokenAt)} gives no finite value (${reason.charAt(0).toLowerCase()}${reason.slice(1).replace(/\.$/, '')}). The states from there on, and every gradient that needs them, are not numbers and are not drawn.`
        : `The hidden state passed float64's largest number (about 1.8e308) at step ${map.brokenStep}. The states from there on, and every gradient that needs them, are not numbers and are not drawn.`,
    );
  }
  // The nearest k (to T) whose norm is not finite: it passed float64's largest number (lib scales before squaring).
  let lastBad = -1;
  for (let k = T; k >= 1; k--) if (norms[k - 1] === Number.POSITIVE_INFINITY) { lastBad = k; break; }
  if (lastBad > 0) {
    notes.push(`From step k = ${lastBad} back (${T - lastBad} steps before T = ${T}), ‖∂L_T/∂h_k‖ is beyond float64: it passed about 1.8e308. Those steps are not drawn.`);
  }
  const zeros = norms.filter((norm) => norm === 0).length;
  if (zeros > 0) {
    const cause = settings.activation === 'ReLU' ? 'every path back was switched off (ReLU′ = 0) or the value fell below about 1e−308, where float64 rounds to 0' : 'it fell below about 1e−308, where float64 rounds to 0';
    notes.push(`‖∂L_T/∂h_k‖ is exactly 0 for ${zeros} of the ${T} steps: ${cause}. Its logarithm is −∞, so those points are left out.`);
  }
  const badCells = cells.filter((cell) => Number.isNaN(cell.log)).length;
  if (badCells > 0) notes.push(`${badCells} pairs of the map overflowed or could not be computed from the broken states; they are hatched.`);
  return notes;
}

/** Work the main thread may do per change, in multiply-adds (≈ 5 ms in a browser); more goes to the worker. */
export const MAIN_THREAD_WORK = 400_000;
/** How much slower a reader formula is than a built-in activation (it runs through the safe formula evaluator). */
const FORMULA_COST = 25;

/** Rough multiply-adds of a computation: the forward and backward pass over T steps, and the map's pairs. */
export function workEstimate(settings: PageSettings): number {
  const window = Math.min(settings.steps, HEATMAP_WINDOW);
  const work = (2 * settings.steps + (window * (window + 1)) / 2) * settings.hiddenSize ** 2;
  return settings.activation === 'yours' ? work * FORMULA_COST : work;
}

/** Compute and describe everything for the settings; never throws. */
export function gradientView(settings: PageSettings, onPhase?: (phase: GradientPhase) => void): GradientView {
  const resolved = bpttActivation(settings.activation, settings.formula);
  const empty = { settings, map: undefined, cells: [], scaleEnd: 1, series: [], notes: [], firstStepNorm: Number.NaN };
  if (!resolved.ok) return { ...empty, fTex: 'f(a) = \\;?', formulaError: resolved.message, failure: undefined };
  try {
    const result = computeGradientMap({ seed: settings.seed, rho: settings.rho, steps: settings.steps, hiddenSize: settings.hiddenSize, activation: resolved.activation }, onPhase);
    if (!result.ok) return { ...empty, fTex: resolved.tex, formulaError: undefined, failure: result.message };
    const { map } = result;
    const cells = cellsOf(map, settings.activation);
    const norms = lastStepNormsOf(map, settings);
    const first = norms[0]!;
    return {
      settings,
      fTex: resolved.tex,
      formulaError: undefined,
      map,
      failure: undefined,
      cells,
      scaleEnd: scaleEndOf(cells),
      series: seriesOf(map, norms, settings.steps, settings.rho),
      notes: notesOf(map, norms, cells, settings, resolved.explain),
      firstStepNorm: Number.isFinite(first) ? first : Number.NaN,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...empty, fTex: resolved.tex, formulaError: undefined, failure: `These settings could not be computed: ${message}` };
  }
}
