/** Checking a shape the reader typed against the shape lib's forward pass returns. */
import { parseShape } from './shapes.ts';

/** The verdict on one typed shape. */
export interface ShapeVerdict {
  readonly status: 'correct' | 'incorrect' | 'invalid';
  readonly message: string;
}

/** Compare a typed shape with the expected one, saying what is off without giving the answer away. */
export function checkShape(text: string, expected: readonly number[]): ShapeVerdict {
  if (text.trim() === '') return { status: 'invalid', message: 'Type a shape, e.g. [2, 5, 20].' };
  const shape = parseShape(text);
  if (!shape) return { status: 'invalid', message: 'Write a shape as whole numbers in brackets, e.g. [2, 5, 20].' };
  if (shape.length !== expected.length) {
    return { status: 'incorrect', message: `Not quite: this tensor has ${expected.length} dimensions, you wrote ${shape.length}.` };
  }
  const wrong = shape.map((size, i) => (size === expected[i] ? -1 : i + 1)).filter((i) => i > 0);
  if (wrong.length === 0) return { status: 'correct', message: 'Correct.' };
  return { status: 'incorrect', message: `Not quite: check dimension${wrong.length > 1 ? 's' : ''} ${wrong.join(' and ')}.` };
}
