/** The seeded generator: determinism and the moments of its draws (reference: the uniform and normal distributions). */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../lib/random.ts';

describe('createRandom', () => {
  it('equal seeds give equal streams, different seeds differ', () => {
    const a = createRandom(42), b = createRandom(42), c = createRandom(43);
    const draw = (r: ReturnType<typeof createRandom>) => Array.from({ length: 20 }, () => r.next());
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
  });

  it('uniform draws stay in range with mean ≈ 1/2; normals have mean ≈ 0 and variance ≈ 1', () => {
    const random = createRandom(7);
    const n = 20000;
    let sum = 0, sumNormal = 0, sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const u = random.next();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      const z = random.normal();
      sumNormal += z;
      sumSquares += z * z;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01); // standard error ≈ 0.002
    expect(Math.abs(sumNormal / n)).toBeLessThan(0.03); // standard error ≈ 0.007
    expect(Math.abs(sumSquares / n - 1)).toBeLessThan(0.05);
  });

  it('uniform(low, high), int(n) and a non-finite seed', () => {
    const random = createRandom(3);
    for (let i = 0; i < 1000; i++) {
      const u = random.uniform(-2, 5);
      expect(u >= -2 && u < 5).toBe(true);
      const k = random.int(6);
      expect(Number.isInteger(k) && k >= 0 && k < 6).toBe(true);
    }
    expect(() => createRandom(Number.NaN)).toThrow(/seed must be a finite number/);
  });
});
