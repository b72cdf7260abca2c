/**
 * One optimizer interface over lib's SGD and Adam, so a session can switch between them by name.
 * SGD uses momentum 0.9 (torch.optim.SGD(params, lr, momentum=0.9)); Adam uses torch's defaults.
 * Both throw, before changing anything, when a gradient is non-finite.
 */
import type { Parameter } from '../nn/parameter.ts';
import { adamStep, createAdamState } from './adam.ts';
import { createSgdState, sgdStep } from './sgd.ts';
import type { OptimizerKind } from './settings.ts';

/** The momentum that the session's SGD uses. */
export const SGD_MOMENTUM = 0.9;

/** An optimizer bound to its parameters and learning rate. */
export interface Optimizer {
  /** SGD or Adam. */
  readonly kind: OptimizerKind;
  /** One update of every parameter from its grad; throws on a non-finite gradient. */
  step(): void;
}

/** An SGD (momentum 0.9) or Adam optimizer over the parameters, with their state inside. */
export function createOptimizer(kind: OptimizerKind, parameters: readonly Parameter[], learningRate: number): Optimizer {
  if (kind === 'SGD') {
    const state = createSgdState(parameters);
    return { kind, step: () => sgdStep(parameters, state, { lr: learningRate, momentum: SGD_MOMENTUM }) };
  }
  const state = createAdamState(parameters);
  return { kind, step: () => adamStep(parameters, state, { lr: learningRate }) };
}
