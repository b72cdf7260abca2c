/** The page variables the chapter's widgets read, with their kinds (the .astro wrappers check them at build time). */
import type { VariableSpec } from '../../kit/variables.ts';

/** Every variable the trainer and the race need. */
export const REQUIRED_VARIABLES: readonly (readonly [string, VariableSpec['type']])[] = [
  ['task', 'choice'], ['model', 'choice'], ['hidden', 'number'], ['optimizer', 'choice'], ['lr', 'number'],
  ['clip', 'number'], ['batch', 'number'], ['seed', 'number'], ['symbol', 'choice'], ['window', 'number'], ['temperature', 'number'],
];
