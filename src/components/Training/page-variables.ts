/** The page variables the chapter's widgets read, with their kinds, checked at build time by the .astro wrappers. */
import { requireVariable } from '../../kit/mdx/page-specs.ts';
import type { VariableSpec, VariableSpecs } from '../../kit/variables.ts';

/** Each variable a Training widget may read, and the kind it must be declared as. */
export const TRAINING_VARIABLES = {
  task: 'choice',
  word: 'text',
  H: 'number',
  seed: 'number',
  reduction: 'choice',
  lr: 'number',
  k: 'number',
  decode: 'choice',
  temp: 'number',
} as const satisfies Record<string, VariableSpec['type']>;

/** Fail the build, naming the widget, when the page lacks one of these variables or declares it as another kind. */
export function requireTrainingVariables(specs: VariableSpecs, names: readonly (keyof typeof TRAINING_VARIABLES)[], component: string): void {
  for (const name of names) requireVariable(specs, name, TRAINING_VARIABLES[name], component);
}
