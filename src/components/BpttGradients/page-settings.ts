/** The chapter's page variables read into typed settings; anything missing or invalid falls back to its default. */
import { cleanText, type VariableValues } from '../../kit/variables.ts';
import { maybeBpttActivation, type BpttActivationName } from './bptt-activation.ts';

/** The frontmatter's defaults and ranges (content/docs/bptt.mdx declares the same). */
export const DEFAULTS = { rho: 0.9, steps: 40, hiddenSize: 16, seed: 1, formula: 'a / (1 + abs(a))', alpha: 0.5 } as const;
/** Ranges the widgets accept (the page variables' min and max). */
export const RANGES = { rho: [0.1, 10], steps: [2, 1000], hiddenSize: [2, 32], seed: [1, 999], alpha: [0, 2] } as const;
/** The longest formula the text variable holds. */
export const MAX_FORMULA = 120;

/** The gradient map's settings from the page. */
export interface PageSettings {
  readonly rho: number;
  readonly steps: number;
  readonly hiddenSize: number;
  readonly seed: number;
  readonly activation: BpttActivationName;
  readonly formula: string;
  readonly alpha: number;
}

/** A number page value inside [min, max] (integers where asked), else the fallback. */
function numberIn(value: unknown, [min, max]: readonly [number, number], fallback: number, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) return fallback;
  return integer ? Math.round(value) : value;
}

/** Read the page values the chapter's widgets use. */
export function readSettings(values: VariableValues): PageSettings {
  return {
    rho: numberIn(values.rho, RANGES.rho, DEFAULTS.rho),
    steps: numberIn(values.T, RANGES.steps, DEFAULTS.steps, true),
    hiddenSize: numberIn(values.H, RANGES.hiddenSize, DEFAULTS.hiddenSize, true),
    seed: numberIn(values.seed, RANGES.seed, DEFAULTS.seed, true),
    activation: maybeBpttActivation(values.act),
    formula: typeof values.fx === 'string' ? cleanText(values.fx, MAX_FORMULA).text : DEFAULTS.formula,
    alpha: numberIn(values.alpha, RANGES.alpha, DEFAULTS.alpha),
  };
}

/** Whether two settings give the same gradient map (the learning rate does not enter it). */
export function sameSettings(a: PageSettings, b: PageSettings): boolean {
  return a.rho === b.rho && a.steps === b.steps && a.hiddenSize === b.hiddenSize && a.seed === b.seed && a.activation === b.activation && a.formula === b.formula;
}
