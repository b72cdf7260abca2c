/**
 * Stochastic gradient descent with torch.optim.SGD semantics (PyTorch 1.13, single-tensor path).
 * For each parameter θ with gradient g:
 *
 *   g ← g + λ θ                                   (weight decay λ)
 *   b ← g on the first step,  else  b ← μ b + (1 − τ) g        (momentum μ, dampening τ)
 *   g ← g + μ b  (nesterov)   or   g ← b
 *   θ ← θ − η g                                   (learning rate η)
 *
 * Unlike torch, a NaN or infinite gradient throws before anything changes, so it is reported, not trained on.
 * The momentum buffers live in an explicit SgdState, one slot per parameter by position (as torch's
 * state_dict), made of numbers and typed arrays so it can be posted to a Worker or stored.
 */
import { allocate, dtypeOf, type FloatArray } from '../tensor.ts';
import type { Parameter } from '../nn/parameter.ts';

/** SGD hyper-parameters; defaults are torch's. */
export interface SgdOptions {
  /** Learning rate η. */
  readonly lr: number;
  /** Momentum factor μ (default 0). */
  readonly momentum?: number;
  /** Dampening τ for momentum (default 0). */
  readonly dampening?: number;
  /** Use Nesterov momentum; needs momentum > 0 and dampening 0 (default false). */
  readonly nesterov?: boolean;
  /** L2 penalty λ added to the gradient (default 0). */
  readonly weightDecay?: number;
  /** Ascend instead of descend (default false). */
  readonly maximize?: boolean;
}

/** SGD's state: steps taken and one momentum buffer per parameter (null until its first momentum step). */
export interface SgdState {
  /** Number of sgdStep calls so far. */
  step: number;
  /** Momentum buffer b for parameter i, the parameter's dtype. */
  readonly momentumBuffers: (FloatArray | null)[];
}

/** A fresh SGD state for the given parameters. */
export function createSgdState(parameters: readonly Parameter[]): SgdState {
  return { step: 0, momentumBuffers: parameters.map(() => null) };
}

/** Throw when the options are ones torch's constructor refuses. */
function validate(options: SgdOptions): void {
  const { lr, momentum = 0, dampening = 0, nesterov = false, weightDecay = 0 } = options;
  if (!(lr >= 0)) throw new RangeError(`Invalid learning rate: ${lr}`);
  if (!(momentum >= 0)) throw new RangeError(`Invalid momentum value: ${momentum}`);
  if (!(weightDecay >= 0)) throw new RangeError(`Invalid weight_decay value: ${weightDecay}`);
  if (nesterov && (momentum <= 0 || dampening !== 0)) throw new RangeError('Nesterov momentum requires a momentum and zero dampening');
}

/** Check that the state was made for these parameters (same count and sizes). */
export function assertStateMatches(parameters: readonly Parameter[], buffers: readonly (FloatArray | null)[], what: string): void {
  if (buffers.length !== parameters.length) throw new RangeError(`${what} has ${buffers.length} slots, but ${parameters.length} parameters were given`);
  parameters.forEach((p, i) => {
    const buffer = buffers[i];
    if (buffer && buffer.length !== p.value.length) throw new RangeError(`${what}[${i}] has ${buffer.length} elements, parameter "${p.name}" has ${p.value.length}`);
  });
}

/** Throw, naming the parameter and index, when any gradient entry is NaN or ±Infinity (torch would step on it silently). */
export function assertFiniteGrads(parameters: readonly Parameter[]): void {
  for (const { name, grad } of parameters) {
    for (let i = 0; i < grad.length; i++) {
      if (!Number.isFinite(grad[i]!)) throw new RangeError(`gradient of "${name}" is non-finite at index ${i} (${grad[i]}); no parameter was updated`);
    }
  }
}

/** One SGD step: update every parameter's value in place from its grad, advancing the state; non-finite grads throw first. */
export function sgdStep(parameters: readonly Parameter[], state: SgdState, options: SgdOptions): void {
  validate(options);
  const { lr, momentum = 0, dampening = 0, nesterov = false, weightDecay = 0, maximize = false } = options;
  assertStateMatches(parameters, state.momentumBuffers, 'momentumBuffers');
  assertFiniteGrads(parameters);
  parameters.forEach((parameter, index) => {
    const theta = parameter.value;
    const grad = parameter.grad;
    const firstStep = state.momentumBuffers[index] === null;
    const buffer = momentum !== 0 ? (state.momentumBuffers[index] ??= allocate(theta.length, dtypeOf(theta))) : null;
    for (let i = 0; i < theta.length; i++) {
      let g = maximize ? -grad[i]! : grad[i]!;
      if (weightDecay !== 0) g += weightDecay * theta[i]!;
      if (buffer) {
        // torch starts the buffer as a copy of the first gradient, with no (1 − τ) factor.
        buffer[i] = firstStep ? g : momentum * buffer[i]! + (1 - dampening) * g;
        g = nesterov ? g + momentum * buffer[i]! : buffer[i]!;
      }
      theta[i]! -= lr * g;
    }
  });
  state.step++;
}
