/** Build-time checks for the chapter's widgets: the page must declare the number variables each one reads. */
import { requireVariable } from '../../kit/mdx/page-specs.ts';
import type { VariableSpecs } from '../../kit/variables.ts';

/** Fail the build, naming the widget, unless every listed name is a number variable of the page. */
export function requireNumbers(specs: VariableSpecs, names: readonly string[], component: string): void {
  for (const name of names) requireVariable(specs, name, 'number', component);
}
