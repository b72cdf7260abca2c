import { describe, expect, it } from 'vitest';
import { recurrentParameterCount } from '../../../lib/count.ts';
import { checkFormulaAnswer, checkNumericAnswer, sampleAssignments, withinTolerance } from '../../../src/kit/exercise.ts';

const sizes = [{ name: 'D', min: 1, max: 64 }, { name: 'H', min: 1, max: 64 }];
const lstmCount = (scope: ReadonlyMap<string, number>) => recurrentParameterCount({ kind: 'LSTM', inputSize: scope.get('D')!, hiddenSize: scope.get('H')! });

describe('numeric answers', () => {
  it('accepts answers within tolerance, and arithmetic', () => {
    expect(checkNumericAnswer('29440', 29440).status).toBe('correct');
    expect(checkNumericAnswer('128*(100+128+2)', 29440).status).toBe('correct');
    expect(checkNumericAnswer('3.14', Math.PI, { absolute: 0.01 }).status).toBe('correct');
    expect(checkNumericAnswer('3.1', Math.PI, { absolute: 0.01 }).status).toBe('incorrect');
    expect(checkNumericAnswer('0.505', 0.5, { relative: 0.02 }).status).toBe('correct');
    expect(checkNumericAnswer('29312', 29440).status).toBe('incorrect');
  });
  it('calls unreadable answers invalid, not wrong', () => {
    expect(checkNumericAnswer('', 1).status).toBe('invalid');
    expect(checkNumericAnswer('12 apples', 1).status).toBe('invalid');
    expect(checkNumericAnswer('1/0', 1).status).toBe('invalid');
    expect(checkNumericAnswer('1e309', 1).status).toBe('invalid');
  });
  it('withinTolerance defaults to a tiny relative tolerance', () => {
    expect(withinTolerance(0.1 + 0.2, 0.3)).toBe(true);
    expect(withinTolerance(1.001, 1)).toBe(false);
  });
});

describe('formula answers, checked against lib/count.ts on seeded random sizes', () => {
  it('accepts any equivalent form of the LSTM count 4·H·(D + H + 2)', () => {
    for (const answer of ['4*H*(D+H+2)', '4H(D+H+2)'.replace('H(', 'H*('), '4*H*D + 4*H^2 + 8*H', '2*(2*H)*(H+D+2)']) {
      expect(checkFormulaAnswer(answer, lstmCount, sizes).status, answer).toBe('correct');
    }
  });
  it('rejects a wrong formula and names a size where it differs', () => {
    const verdict = checkFormulaAnswer('4*H*(D+H+1)', lstmCount, sizes);
    expect(verdict.status).toBe('incorrect');
    expect(verdict.message).toMatch(/at D = \d+, H = \d+/);
    expect(checkFormulaAnswer('H*(D+H+2)', lstmCount, sizes).status).toBe('incorrect');
  });
  it('reports unknown names as invalid', () => {
    expect(checkFormulaAnswer('4*h*(d+h+2)', lstmCount, sizes).status).toBe('invalid');
  });
  it('draws the same sizes for the same seed, within range', () => {
    const first = sampleAssignments(sizes, 7, 20);
    expect(sampleAssignments(sizes, 7, 20)).toEqual(first);
    for (const scope of first) for (const v of sizes) expect(scope.get(v.name)).toSatisfy((n: number) => Number.isInteger(n) && n >= v.min && n <= v.max);
  });
});
