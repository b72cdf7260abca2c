/** Reading one number from the page's values, for the chapter's settings readers. */
import type { VariableValues } from '../../kit/variables.ts';

/** values[name] when it is a finite number, else the fallback. */
export function readNumber(values: VariableValues, name: string, fallback: number): number {
  const value = values[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
