/**
 * Elementwise activations with their derivatives, for the recurrent cells.
 *
 *   σ(a) = 1 / (1 + e^{−a})     σ′(a) = σ(a)(1 − σ(a))
 *   tanh(a)                     tanh′(a) = 1 − tanh(a)²
 *   relu(a) = max(0, a)         relu′(a) = 1 if a > 0 else 0   (PyTorch's choice at a = 0)
 *
 * An activation's derivative receives both the pre-activation a and the output y = f(a), so tanh and σ
 * reuse y instead of recomputing f. A reader's own formula supplies f and f′ and may ignore y.
 */

/** An elementwise function f with its derivative f′, used by the RNN cell forward and backward. */
export interface Activation {
  /** Display name, e.g. "tanh" or the reader's formula. */
  readonly name: string;
  /** y = f(a). */
  readonly f: (a: number) => number;
  /** f′(a); y = f(a) is passed along so a derivative can be written in terms of the output. */
  readonly df: (a: number, y: number) => number;
}

/** The logistic sigmoid σ(a) = 1/(1 + e^{−a}), written to stay finite for large |a|. */
export function sigmoid(a: number): number {
  if (a >= 0) return 1 / (1 + Math.exp(-a));
  const e = Math.exp(a);
  return e / (1 + e);
}

/** tanh, PyTorch's default RNN nonlinearity. */
export const tanhActivation: Activation = { name: 'tanh', f: Math.tanh, df: (_a, y) => 1 - y * y };

/** relu, PyTorch's nonlinearity='relu'; its derivative at 0 is 0, as in torch. */
export const reluActivation: Activation = { name: 'relu', f: (a) => (a > 0 ? a : 0), df: (a) => (a > 0 ? 1 : 0) };

/** The logistic sigmoid as an Activation (a custom RNN nonlinearity, or a gate). */
export const sigmoidActivation: Activation = { name: 'sigmoid', f: sigmoid, df: (_a, y) => y * (1 - y) };

/** A custom activation from a function and its derivative (e.g. compiled from a reader's formula). */
export function customActivation(name: string, f: (a: number) => number, df: (a: number, y: number) => number): Activation {
  if (typeof f !== 'function' || typeof df !== 'function') throw new TypeError(`activation "${name}" needs functions f and df`);
  return { name, f, df };
}

/** The activation for PyTorch's nonlinearity name ('tanh' or 'relu'), or a custom one passed through. */
export function maybeActivation(nonlinearity: 'tanh' | 'relu' | Activation | undefined): Activation {
  if (nonlinearity === undefined || nonlinearity === 'tanh') return tanhActivation;
  if (nonlinearity === 'relu') return reluActivation;
  if (typeof nonlinearity === 'object' && typeof nonlinearity.f === 'function' && typeof nonlinearity.df === 'function') return nonlinearity;
  throw new RangeError(`nonlinearity must be 'tanh', 'relu' or { f, df }, got ${String(nonlinearity)}`);
}
