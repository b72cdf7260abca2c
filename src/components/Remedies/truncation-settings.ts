/** The truncation widget's settings, read from the page's variables k1, k2, d and seed. */
import type { VariableValues } from '../../kit/variables.ts';
import { readNumber } from './read-number.ts';
import { DEFAULT_TRUNCATION, type TruncationSettings } from './truncation.ts';


/** The settings the page's values describe (anything missing takes the default). */
export function truncationSettingsFrom(values: VariableValues): TruncationSettings {
  const d = DEFAULT_TRUNCATION;
  return { k1: readNumber(values, 'k1', d.k1), k2: readNumber(values, 'k2', d.k2), distance: readNumber(values, 'd', d.distance), seed: readNumber(values, 'seed', d.seed) };
}
