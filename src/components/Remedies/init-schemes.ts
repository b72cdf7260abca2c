/**
 * The recurrent weight W_hh under each initialisation scheme the chapter compares, drawn with lib/nn/init.ts
 * (torch.nn.init's formulas, our seeded stream):
 *
 *   default      U(−1/√H, 1/√H)                       nn.RNN's own reset_parameters
 *   xavier       U(−a, a), a = g·√(6 / (H + H))        xavier_uniform_(W, gain=g)      Glorot & Bengio 2010
 *   kaiming      N(0, (gain_f / √H)²), fan_in          kaiming_normal_(W, nonlinearity=f)  He et al. 2015
 *   orthogonal   g·Q, Q orthogonal                      orthogonal_(W, gain=g)          Saxe et al. 2014
 *   identity     g·I                                    the IRNN of Le, Jaitly & Hinton 2015
 */
import type { Random } from '../../../lib/random.ts';
import { kaimingNormal, orthogonalInit, recurrentDefaultInit, xavierUniform } from '../../../lib/nn/init.ts';

/** The schemes, in the order the widget lists them. */
export const SCHEMES = ['default', 'xavier', 'kaiming', 'orthogonal', 'identity'] as const;

/** One initialisation scheme for W_hh. */
export type Scheme = (typeof SCHEMES)[number];

/** The scheme's name for readers. */
export const SCHEME_NAMES: Readonly<Record<Scheme, string>> = {
  default: 'PyTorch default',
  xavier: 'Xavier',
  kaiming: 'He (Kaiming)',
  orthogonal: 'orthogonal',
  identity: 'identity (IRNN)',
};

/** Whether the gain g scales the scheme (the default and Kaiming ignore it: Kaiming's gain comes from f). */
export function usesGain(scheme: Scheme): boolean {
  return scheme === 'xavier' || scheme === 'orthogonal' || scheme === 'identity';
}

/** Fill an H × H W_hh with the scheme; `activation` picks Kaiming's gain (tanh: 5/3, relu: √2). */
export function initRecurrentWeight(weight: Float64Array, size: number, scheme: Scheme, gain: number, activation: 'tanh' | 'relu', random: Random): Float64Array {
  const shape = [size, size];
  switch (scheme) {
    case 'default': return recurrentDefaultInit(weight, size, random) as Float64Array;
    case 'xavier': return xavierUniform(weight, shape, random, gain) as Float64Array;
    case 'kaiming': return kaimingNormal(weight, shape, random, { nonlinearity: activation }) as Float64Array;
    case 'orthogonal': return orthogonalInit(weight, shape, random, gain) as Float64Array;
    case 'identity':
      weight.fill(0);
      for (let i = 0; i < size; i++) weight[i * size + i] = gain;
      return weight;
  }
}
