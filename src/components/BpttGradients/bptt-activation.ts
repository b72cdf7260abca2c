/**
 * The hidden activation f the reader picks for the gradient map: tanh, ReLU, the identity (a linear RNN, where
 * only W_hh shapes the gradient), or their own formula in a. The formula is compiled by the forward-pass chapter's
 * readerActivation (the kit's safe compiler, f′ by a central difference); here its f′ is remembered per a, because
 * the pairwise backward asks for f′ at the same pre-activations many times.
 */
import { customActivation, type Activation } from '../../../lib/nn/activation.ts';
import { resolveActivation, type ActivationResult } from '../ForwardPass/activation-choice.ts';

/** The four options of the page variable act. */
export type BpttActivationName = 'tanh' | 'ReLU' | 'linear' | 'yours';

/** The identity, f(a) = a, f′(a) = 1: the linear RNN of the chapter's bound. */
export const linearActivation: Activation = customActivation('linear', (a) => a, () => 1);

/** Whether a page value names one of the options (anything else is read as tanh). */
export function maybeBpttActivation(value: unknown): BpttActivationName {
  return value === 'ReLU' || value === 'linear' || value === 'yours' ? value : 'tanh';
}

/** An activation whose f′ is computed once per distinct a (the reader's formula is slow to evaluate). */
function rememberSlopes(activation: Activation): Activation {
  const slopes = new Map<number, number>();
  return customActivation(activation.name, activation.f, (a, y) => {
    let slope = slopes.get(a);
    if (slope === undefined) {
      slope = activation.df(a, y);
      slopes.set(a, slope);
    }
    return slope;
  });
}

/** The lib Activation for the page's choice and formula text; a broken formula comes back as a message. */
export function bpttActivation(name: BpttActivationName, formula: string): ActivationResult {
  if (name === 'linear') return { ok: true, activation: linearActivation, tex: 'f(a) = a', explain: () => undefined };
  const resolved = resolveActivation(name === 'yours' ? 'yours' : name, formula);
  if (!resolved.ok || name !== 'yours') return resolved;
  return { ...resolved, activation: rememberSlopes(resolved.activation) };
}
