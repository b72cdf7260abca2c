/**
 * The training-step widget: the loss curve over k steps of SGD from the seed, and step k + 1 in full:
 * the loss L(θ_k), the gradient norm of every parameter, the update α ∇W and the loss L(θ_{k+1}) after it.
 */
import type { VariableValues } from '../../kit/variables.ts';
import { charTask, type CharTask } from './char-task.ts';
import { formatValue, readSettings, type TrainingPageSettings } from './settings.ts';
import type { GradientNorm } from './sgd-training-step.ts';
import { isPending, lossAfter, trajectoryFor, type Trajectory } from './trajectory.ts';

/** Each parameter's symbol in the chapter's equations, by its PyTorch name. */
export const PARAMETER_SYMBOLS: Readonly<Record<string, string>> = {
  weight_ih_l0: 'W_{xh}',
  weight_hh_l0: 'W_{hh}',
  bias_ih_l0: 'b_{ih}',
  bias_hh_l0: 'b_{hh}',
  weight: 'W_{hy}',
  bias: 'b_y',
};

/** One parameter's row in the step: ‖∇W‖ and the size of the update α‖∇W‖. */
export interface ParameterRow extends GradientNorm {
  readonly symbol: string;
  readonly update: number;
}

/** Step k + 1 in full. */
export interface StepDetail {
  /** L(θ_k), the loss the step starts from. */
  readonly lossBefore: number;
  /** ℓ_t at θ_k. */
  readonly stepLosses: readonly number[];
  readonly parameters: readonly ParameterRow[];
  /** ‖∇θ‖ over all parameters together. */
  readonly totalGradNorm: number;
  /** L(θ_{k+1}), forward only; NaN when it cannot be computed. */
  readonly lossAfter: number;
}

/** The widget's whole state. */
export interface TrainingView {
  readonly settings: TrainingPageSettings;
  readonly task: CharTask | undefined;
  /** Why there is nothing to train (the word), or undefined. */
  readonly message: string | undefined;
  /** Steps actually taken: k, or fewer when training stopped. */
  readonly stepsTaken: number;
  /** (j, L(θ_j)) for j = 0 … stepsTaken. */
  readonly curve: readonly (readonly [number, number])[];
  /** Step k + 1, when it could be taken. */
  readonly detail: StepDetail | undefined;
  /** Why training stopped (a non-finite loss or gradient), naming the step. */
  readonly failure: string | undefined;
  /** A loss that rose instead of falling, said plainly. */
  readonly warning: string | undefined;
  /** True while training toward k is still under way (a time budget cut it short); call again to go on. */
  readonly pending: boolean;
}

/** The detail of the step that starts from θ_k, when the trajectory holds it. */
function detailOf(trajectory: Trajectory, k: number): StepDetail | undefined {
  const record = trajectory.records[k];
  if (!record || !record.ok) return undefined;
  const { lr } = trajectory.settings;
  return {
    lossBefore: record.loss,
    stepLosses: record.stepLosses,
    parameters: record.gradNorms.map((g) => ({ ...g, symbol: PARAMETER_SYMBOLS[g.name] ?? g.name, update: lr * g.norm })),
    totalGradNorm: record.totalGradNorm,
    lossAfter: lossAfter(trajectory, k + 1),
  };
}

/** A plain warning when the loss went up. */
function warningFor(curve: readonly (readonly [number, number])[], detail: StepDetail | undefined, lr: number): string | undefined {
  const first = curve[0]?.[1];
  const last = curve.at(-1)?.[1];
  if (first !== undefined && last !== undefined && curve.length > 1 && last > first) {
    return `The loss went up, from ${formatValue(first)} at the start to ${formatValue(last)} after ${curve.length - 1} steps: with α = ${lr}, each step jumps past the valley it should go down into. Try a smaller learning rate.`;
  }
  if (detail && detail.lossAfter > detail.lossBefore) {
    return `This step made the loss go up (${formatValue(detail.lossBefore)} → ${formatValue(detail.lossAfter)}): a step of α = ${lr} along −∇ overshot. Gradient descent only promises a decrease for small enough steps.`;
  }
  return undefined;
}

/**
 * Read the page values, train k (+1) steps from the seed (reusing earlier work) and describe it.
 * With a time budget (ms) training may stop short of k: the view then shows the steps so far and `pending`.
 */
export function trainingView(values: VariableValues, budgetMs = Infinity): TrainingView {
  const settings = readSettings(values);
  const built = charTask(settings.word);
  const empty = { task: undefined, stepsTaken: 0, curve: [], detail: undefined, failure: undefined, warning: undefined, pending: false };
  if (!built.ok) return { settings, ...empty, message: built.message };
  try {
    const { hiddenSize, lr, reduction, seed, steps: k } = settings;
    const trajectory = trajectoryFor({ task: built.task, hiddenSize, lr, reduction, seed }, k + 1, budgetMs);
    const pending = isPending(trajectory, k + 1);
    const available = pending ? Math.max(0, trajectory.records.length - 1) : k;
    const stepsTaken = trajectory.failedAt === null ? available : Math.min(k, trajectory.failedAt - 1);
    const curve = trajectory.records.slice(0, stepsTaken + 1).map((record, j) => [j, record.loss] as const);
    const detail = detailOf(trajectory, stepsTaken);
    const failed = trajectory.failedAt !== null ? trajectory.records[trajectory.failedAt - 1] : undefined;
    const failure =
      failed && !failed.ok
        ? `Training stopped at step ${trajectory.failedAt}: ${failed.message} No parameter was updated on that step, so the last usable model is the one after ${trajectory.failedAt! - 1} steps.`
        : undefined;
    return { settings, task: built.task, message: undefined, stepsTaken, curve, detail, failure, warning: pending ? undefined : warningFor(curve, detail, lr), pending };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { settings, ...empty, task: built.task, message: `These settings could not be computed: ${message}` };
  }
}
