/** What the step-through widget shows, from the page values: the run, the rows of the current step, the code. */
import { cleanText, type VariableValues } from '../../kit/variables.ts';
import { maybeActivationName, resolveActivation, type ActivationName } from './activation-choice.ts';
import { maybeOutputName, outputTex, type OutputName } from './output-function.ts';
import { stepCode } from './pytorch-code.ts';
import { createStepModel, runSteps, SIZES, type StepView } from './step-through.ts';

/** The reader's formula when the page holds none: softsign, bounded like tanh but with slower tails. */
export const DEFAULT_FORMULA = 'a / (1 + abs(a))';
/** The step shown when the page holds none (the frontmatter's default). */
export const DEFAULT_STEP = 2;
/** The longest formula the field takes. */
export const MAX_FORMULA = 120;

/** One row of the step display: a quantity's TeX label, what it is, and its values. */
export interface QuantityRow {
  /** Short key for tests and styling: x, hPrev, inputPart, hiddenPart, bias, a, h, z, y. */
  readonly key: keyof Omit<StepView, 't'>;
  readonly tex: string;
  readonly note: string;
  readonly values: readonly number[];
}

/** The widget's whole state for one set of page values. */
export interface StepWidgetView {
  readonly seed: number;
  readonly step: number;
  readonly activation: ActivationName;
  readonly output: OutputName;
  readonly formula: string;
  /** The equation line as TeX: the hidden update with f, and the output with g (shown side by side, wrapping on phones). */
  readonly tex: readonly [string, string];
  /** Why the reader's formula cannot be used (only when f = yours). */
  readonly formulaError: string | undefined;
  /** Why no numbers are shown for this step (a blow-up), or undefined. */
  readonly runError: string | undefined;
  /** The rows for the current step (empty when there is an error at or before it). */
  readonly rows: readonly QuantityRow[];
  /** h_1 … h_T computed so far, for the heatmap of the whole output. */
  readonly hiddenStates: readonly (readonly number[])[];
  /** The PyTorch block, or undefined while the reader's formula is not usable. */
  readonly code: string | undefined;
}

/** A number for the step display: three decimals, a real minus sign, exponent form when huge. */
export function formatEntry(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const magnitude = Math.abs(value);
  const text = magnitude >= 1e5 ? value.toExponential(2) : value.toFixed(3);
  return text === '-0.000' ? '0.000' : text.replace('-', '−');
}

function rowsFor(step: StepView): QuantityRow[] {
  return [
    { key: 'x', tex: 'x_t', note: 'input at step t', values: step.x },
    { key: 'hPrev', tex: 'h_{t-1}', note: 'previous hidden state', values: step.hPrev },
    { key: 'inputPart', tex: 'W_{xh} x_t', note: 'what the input adds', values: step.inputPart },
    { key: 'hiddenPart', tex: 'W_{hh} h_{t-1}', note: 'what memory adds', values: step.hiddenPart },
    { key: 'bias', tex: 'b_h', note: 'b_ih + b_hh', values: step.bias },
    { key: 'a', tex: 'a_t', note: 'the sum: pre-activation', values: step.a },
    { key: 'h', tex: 'h_t = f(a_t)', note: 'new hidden state', values: step.h },
    { key: 'z', tex: 'z_t = W_{hy} h_t + b_y', note: 'logits', values: step.z },
    { key: 'y', tex: 'y_t = g(z_t)', note: 'output', values: step.y },
  ];
}

/** Read the page values (anything invalid falls back to a default) and compute everything the widget shows. */
export function stepWidgetView(values: VariableValues): StepWidgetView {
  const seed = typeof values.seed === 'number' && Number.isInteger(values.seed) ? values.seed : 1;
  const rawStep = typeof values.step === 'number' ? Math.round(values.step) : DEFAULT_STEP;
  const step = Math.min(SIZES.steps, Math.max(1, rawStep));
  const activation = maybeActivationName(values.f);
  const output = maybeOutputName(values.g);
  const formula = typeof values.fx === 'string' ? cleanText(values.fx, MAX_FORMULA).text : DEFAULT_FORMULA;
  const resolved = resolveActivation(activation, formula);
  const base = { seed, step, activation, output, formula };
  const fTex = resolved.ok ? resolved.tex : 'f(a) = \\;?';
  const tex = [`h_t = f(a_t),\\; ${fTex}`, `y_t = g(z_t),\\; ${outputTex(output)}`] as const;
  if (!resolved.ok) {
    return { ...base, tex, formulaError: resolved.message, runError: 'Fix your formula for f to see the numbers.', rows: [], hiddenStates: [], code: undefined };
  }
  try {
    const model = createStepModel(seed, resolved.activation);
    const run = runSteps(model, output, resolved.explain);
    const code = stepCode(model, activation, formula, output, step);
    const hiddenStates = run.steps.map((s) => s.h);
    if (!run.ok && step >= run.failedStep) {
      const at = Number.isFinite(run.badInput) ? ` at a = ${formatEntry(run.badInput)}` : '';
      const reason = run.message.charAt(0).toLowerCase() + run.message.slice(1).replace(/\.$/, '');
      const runError = `Step ${run.failedStep} has no usable numbers: f${at} gives no finite value (${reason}). Try a formula that stays bounded, or an earlier step.`;
      return { ...base, tex, formulaError: undefined, runError, rows: [], hiddenStates, code };
    }
    return { ...base, tex, formulaError: undefined, runError: undefined, rows: rowsFor(run.steps[step - 1]!), hiddenStates, code };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, tex, formulaError: undefined, runError: `These settings could not be computed: ${message}`, rows: [], hiddenStates: [], code: undefined };
  }
}
