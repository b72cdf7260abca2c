/**
 * The linear recurrence h_t = A h_{t−1} + B x_t: the Hillis–Steele scan against the plain loop (equal within
 * float64 rounding), a case by hand, and the work/depth counts: depth T for the loop, ⌈log₂ T⌉ for the scan.
 */
import { describe, expect, it } from 'vitest';
import { parallelScan, sequentialScan, type LinearRecurrence } from '../../lib/scan.ts';
import { createRandom, type Random } from '../../lib/random.ts';
import { fromData, fromNested } from '../../lib/tensor.ts';

/** A random problem with A's entries in ±radius/H, so ‖A‖₂ ≤ ‖A‖_F ≤ radius (radius > 1 lets states grow). */
function problem(random: Random, T: number, H: number, D: number, options: { timeVarying?: boolean; h0?: boolean; radius?: number } = {}): LinearRecurrence {
  const { timeVarying = false, h0 = false, radius = 0.9 } = options;
  const fill = (n: number, scale: number): Float64Array => Float64Array.from({ length: n }, () => random.uniform(-scale, scale));
  return {
    A: fromData(fill((timeVarying ? T : 1) * H * H, radius / H), timeVarying ? [T, H, H] : [H, H]),
    B: fromData(fill(H * D, 1), [H, D]),
    x: fromData(fill(T * D, 1), [T, D]),
    h0: h0 ? fromData(fill(H, 1), [H]) : undefined,
  };
}

function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 0, error = 0;
  for (let i = 0; i < b.length; i++) { scale = Math.max(scale, Math.abs(b[i]!)); error = Math.max(error, Math.abs(a[i]! - b[i]!)); }
  return error / scale;
}

describe('parallel scan equals the sequential loop', () => {
  const cases = [
    { T: 1, H: 3, D: 2 }, { T: 2, H: 3, D: 2 }, { T: 7, H: 4, D: 3 }, { T: 16, H: 4, D: 2 }, { T: 33, H: 5, D: 3 },
    { T: 20, H: 3, D: 2, timeVarying: true }, { T: 9, H: 4, D: 4, h0: true }, { T: 25, H: 3, D: 1, timeVarying: true, h0: true },
    { T: 12, H: 3, D: 2, radius: 1.5 },
  ];
  for (const c of cases) {
    it(`T=${c.T} H=${c.H} D=${c.D}${c.timeVarying ? ' A_t per step' : ''}${c.h0 ? ' with h0' : ''}${c.radius ? ` radius ${c.radius}` : ''}: within 1e-13 relative`, () => {
      const p = problem(createRandom(c.T * 31 + c.H), c.T, c.H, c.D, c);
      const sequential = sequentialScan(p);
      const parallel = parallelScan(p);
      expect(parallel.shape).toEqual([c.T, c.H]);
      expect(maxRelativeError(parallel.states, sequential.states)).toBeLessThan(1e-13);
    });
  }

  it('by hand: scalar A = 1/2, B = 1, x = (1, 1, 1), h0 = 0', () => {
    // h1 = 1, h2 = 1/2 + 1 = 3/2, h3 = 3/4 + 1 = 7/4.
    // Scan over maps (A, b), start f_t = (1/2, 1):
    //   round 1 (offset 1): F2 = f2∘f1 = (1/4, 1/2·1 + 1) = (1/4, 3/2);  F3 = f3∘f2 = (1/4, 3/2)
    //   round 2 (offset 2): F3 = F3∘F1 = (1/4·1/2, 1/4·1 + 3/2) = (1/8, 7/4).   h_t is F_t's b: 1, 3/2, 7/4.
    const p = { A: fromNested([[0.5]]), B: fromNested([[1]]), x: fromNested([[1], [1], [1]]) };
    expect(Array.from(sequentialScan(p).states)).toEqual([1, 1.5, 1.75]);
    expect(Array.from(parallelScan(p).states)).toEqual([1, 1.5, 1.75]);
  });
});

describe('work and depth', () => {
  it('the loop has depth T, T mat-vecs, no mat-muls', () => {
    for (const T of [1, 5, 64]) {
      const { cost } = sequentialScan(problem(createRandom(T), T, 3, 2));
      expect(cost).toEqual({ depth: T, matMuls: 0, matVecs: T, flops: T * (2 * 9 + 3) });
    }
  });
  it('the scan has depth ⌈log₂ T⌉ and Σ_rounds (T − offset) combines', () => {
    for (const T of [1, 2, 3, 4, 5, 8, 9, 31, 32, 33, 100, 128]) {
      const H = 2;
      const { cost } = parallelScan(problem(createRandom(T), T, H, 1));
      const depth = Math.ceil(Math.log2(T));
      let combines = 0;
      for (let offset = 1; offset < T; offset *= 2) combines += T - offset;
      expect(cost.depth).toBe(depth);
      expect(cost.matMuls).toBe(combines);
      expect(cost.matVecs).toBe(combines);
      expect(cost.flops).toBe(combines * (2 * H ** 3 + 2 * H ** 2 + H));
      expect(cost.depth).toBeLessThanOrEqual(Math.log2(T) + 1);
    }
  });
  it('a nonzero h0 costs one extra round and one mat-vec', () => {
    const plain = parallelScan(problem(createRandom(1), 10, 3, 2)).cost;
    const withH0 = parallelScan(problem(createRandom(1), 10, 3, 2, { h0: true })).cost;
    expect(withH0.depth).toBe(plain.depth + 1);
    expect(withH0.matVecs).toBe(plain.matVecs + 1);
  });
});

describe('bad input throws, naming the tensor', () => {
  const ok = problem(createRandom(1), 4, 3, 2);
  it('mismatched shapes and non-finite values', () => {
    expect(() => sequentialScan({ ...ok, A: fromData(new Float64Array(4), [2, 2]) })).toThrow(/A has shape \[2, 2\], expected \[3, 3\]/);
    expect(() => parallelScan({ ...ok, B: fromData(new Float64Array(9), [3, 3]) })).toThrow(/B has shape \[3, 3\], expected \[3, 2\]/);
    expect(() => parallelScan({ ...ok, A: fromData(new Float64Array(27), [3, 3, 3]) })).toThrow(/A has shape \[3, 3, 3\], expected \[4, 3, 3\]/);
    expect(() => sequentialScan({ ...ok, h0: fromData(new Float64Array(2), [2]) })).toThrow(/h0 has shape \[2\]/);
    expect(() => sequentialScan({ ...ok, x: fromData(new Float64Array(8), [8]) })).toThrow(/x has shape \[8\], expected \[T, D\]/);
    expect(() => parallelScan({ ...ok, x: fromData(Float64Array.of(1, NaN, 0, 0, 0, 0, 0, 0), [4, 2]) })).toThrow(/x of shape \[4, 2\] contains a non-finite/);
  });
});
