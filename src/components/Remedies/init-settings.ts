/** The initialisation widget's settings, read from the page's variables act, gain, H, T and seed. */
import type { VariableValues } from '../../kit/variables.ts';
import { readNumber } from './read-number.ts';
import { DEFAULT_INIT, type InitSettings } from './init-compare.ts';

/** The settings the page's values describe (anything missing takes the default). */
export function initSettingsFrom(values: VariableValues): InitSettings {
  const d = DEFAULT_INIT;
  return {
    activation: values.act === 'ReLU' ? 'relu' : 'tanh',
    gain: readNumber(values, 'gain', d.gain),
    hiddenSize: readNumber(values, 'H', d.hiddenSize),
    steps: readNumber(values, 'T', d.steps),
    seed: readNumber(values, 'seed', d.seed),
  };
}
