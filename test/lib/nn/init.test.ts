/**
 * Initialisers. Our random stream is not torch's, so the draws are tested statistically: bounds, and mean and
 * variance within 5 standard errors computed from the sample size (the seed is fixed, so the run is deterministic;
 * the tolerance says how far a correct sampler could plausibly land). Orthogonal init is tested exactly: QᵀQ = I,
 * and, given the same Gaussian matrix, equal to torch.nn.init.orthogonal_ (fixture test/fixtures/ops/orthogonal.json,
 * written by scripts/make_op_fixtures.py with PyTorch 1.13).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  calculateGain, fanInOut, kaimingNormal, kaimingStd, kaimingUniform, normalInit, orthogonalInit, orthogonalize,
  recurrentDefaultInit, setForgetGateBias, uniformInit, xavierNormal, xavierUniform,
} from '../../../lib/nn/init.ts';
import { createRandom } from '../../../lib/random.ts';
import { fromNested } from '../../../lib/tensor.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/ops/orthogonal.json', import.meta.url), 'utf8'));

function moments(data: ArrayLike<number>): { mean: number; variance: number } {
  let mean = 0;
  for (let i = 0; i < data.length; i++) mean += data[i]!;
  mean /= data.length;
  let variance = 0;
  for (let i = 0; i < data.length; i++) variance += (data[i]! - mean) ** 2;
  return { mean, variance: variance / data.length };
}

/** U(−b, b): every draw inside, mean 0 ± 5·b/√(3n), variance b²/3 ± 5·√(4/45)·b²/√n (Var X² = b⁴/5 − b⁴/9). */
function expectUniform(data: ArrayLike<number>, bound: number): void {
  const n = data.length;
  for (let i = 0; i < n; i++) expect(Math.abs(data[i]!)).toBeLessThanOrEqual(bound);
  const { mean, variance } = moments(data);
  expect(Math.abs(mean)).toBeLessThan(5 * bound / Math.sqrt(3 * n));
  expect(Math.abs(variance - bound * bound / 3)).toBeLessThan(5 * Math.sqrt(4 / 45) * bound * bound / Math.sqrt(n));
}

/** N(0, σ²): mean 0 ± 5σ/√n, variance σ² ± 5σ²√(2/n). */
function expectNormal(data: ArrayLike<number>, std: number): void {
  const n = data.length;
  const { mean, variance } = moments(data);
  expect(Math.abs(mean)).toBeLessThan(5 * std / Math.sqrt(n));
  expect(Math.abs(variance - std * std)).toBeLessThan(5 * std * std * Math.sqrt(2 / n));
}

describe('gains and fans follow torch.nn.init', () => {
  it('calculate_gain', () => {
    expect(calculateGain('linear')).toBe(1);
    expect(calculateGain('sigmoid')).toBe(1);
    expect(calculateGain('tanh')).toBe(5 / 3);
    expect(calculateGain('relu')).toBe(Math.SQRT2);
    expect(calculateGain('leaky_relu')).toBeCloseTo(Math.sqrt(2 / 1.0001), 15);
    expect(calculateGain('leaky_relu', 0.2)).toBeCloseTo(Math.sqrt(2 / 1.04), 15);
    expect(calculateGain('selu')).toBe(0.75);
  });
  it('fan in and out, with a receptive field for conv weights', () => {
    expect(fanInOut([128, 100])).toEqual({ fanIn: 100, fanOut: 128 });
    expect(fanInOut([128, 100, 3])).toEqual({ fanIn: 300, fanOut: 384 });
    expect(() => fanInOut([5])).toThrow(/≥ 2 dimensions, got \[5\]/);
  });
  it('Kaiming std: default a = 0 with leaky_relu is √2/√fan_in', () => {
    expect(kaimingStd([64, 50])).toBeCloseTo(Math.SQRT2 / Math.sqrt(50), 15);
    expect(kaimingStd([64, 50], { mode: 'fan_out', nonlinearity: 'tanh' })).toBeCloseTo(5 / 3 / 8, 15);
  });
});

describe('draws have the right distribution (n = 20 000, fixed seed)', () => {
  const n = 20_000;
  it('recurrent default U(−1/√H, 1/√H) for H = 64', () => {
    expectUniform(recurrentDefaultInit(new Float64Array(n), 64, createRandom(1)), 1 / 8);
  });
  it('uniform and normal', () => {
    const u = uniformInit(new Float64Array(n), 2, 6, createRandom(2));
    for (const v of u) expect(v >= 2 && v < 6).toBe(true);
    expectUniform(u.map((v) => v - 4), 2);
    expectNormal(normalInit(new Float64Array(n), 0, 0.3, createRandom(3)), 0.3);
  });
  it('Xavier uniform and normal with a gain', () => {
    const shape = [200, 100];
    expectUniform(xavierUniform(new Float64Array(n), shape, createRandom(4), 5 / 3), (5 / 3) * Math.sqrt(6 / 300));
    expectNormal(xavierNormal(new Float64Array(n), shape, createRandom(5), 2), 2 * Math.sqrt(2 / 300));
  });
  it('Kaiming uniform and normal, fan_in and fan_out', () => {
    const shape = [100, 200];
    expectUniform(kaimingUniform(new Float64Array(n), shape, createRandom(6), { nonlinearity: 'relu' }), Math.sqrt(3) * Math.SQRT2 / Math.sqrt(200));
    expectNormal(kaimingNormal(new Float64Array(n), shape, createRandom(7), { mode: 'fan_out', nonlinearity: 'relu' }), Math.SQRT2 / 10);
  });
  it('equal seeds give equal weights, and a float32 target works', () => {
    const a = xavierUniform(new Float32Array(12), [3, 4], createRandom(9));
    const b = xavierUniform(new Float32Array(12), [3, 4], createRandom(9));
    expect(Array.from(a)).toEqual(Array.from(b));
  });
  it('wrong lengths and bad arguments throw', () => {
    expect(() => xavierUniform(new Float64Array(5), [2, 3], createRandom(1))).toThrow(/5 elements, shape \[2, 3\] needs 6/);
    expect(() => recurrentDefaultInit(new Float64Array(2), 0, createRandom(1))).toThrow(/hiddenSize/);
    expect(() => normalInit(new Float64Array(2), 0, -1, createRandom(1))).toThrow(/std/);
  });
});

describe('orthogonal init', () => {
  const gram = (q: ArrayLike<number>, rows: number, cols: number, byColumns: boolean): number[][] => {
    const k = byColumns ? cols : rows;
    return Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => {
      let s = 0;
      if (byColumns) for (let r = 0; r < rows; r++) s += q[r * cols + a]! * q[r * cols + b]!;
      else for (let c = 0; c < cols; c++) s += q[a * cols + c]! * q[b * cols + c]!;
      return s;
    }));
  };
  const expectIdentity = (m: number[][], scale = 1): void => m.forEach((row, a) => row.forEach((v, b) => expect(Math.abs(v - (a === b ? scale : 0))).toBeLessThan(1e-12)));

  for (const [rows, cols] of [[8, 8], [12, 5], [5, 12], [1, 4], [4, 1]] as const) {
    it(`[${rows}, ${cols}]: ${rows >= cols ? 'QᵀQ' : 'QQᵀ'} = I to 1e-12`, () => {
      const q = orthogonalInit(new Float64Array(rows * cols), [rows, cols], createRandom(rows * 100 + cols));
      expectIdentity(gram(q, rows, cols, rows >= cols));
    });
  }
  it('a gain scales QᵀQ to gain²·I; a 3-D shape flattens to [rows, rest]', () => {
    const q = orthogonalInit(new Float64Array(6 * 2 * 2), [6, 2, 2], createRandom(1), 2);
    expectIdentity(gram(q, 6, 4, true), 4);
  });
  for (const c of fixture.cases) {
    it(`equals torch.nn.init.orthogonal_ for shape [${c.shape}] given torch's Gaussian draw (1e-9 relative)`, () => {
      const rows = c.shape[0];
      const cols = c.shape.slice(1).reduce((a: number, b: number) => a * b, 1);
      const ours = orthogonalize(fromNested(c.gaussian).data, rows, cols).map((v) => v * c.gain);
      const torch = fromNested(c.result).data;
      ours.forEach((v, i) => expect(Math.abs(v - torch[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(torch[i]!), 1e-8)));
    });
  }
  it('sign correction by hand: Q of [[−2, 0], [0, 3]] is diag(−1, 1)', () => {
    // Householder gives R = diag(2, 3) up to signs; multiplying Q's columns by sign(diag R) makes R's diagonal positive,
    // and the unique such Q for a diagonal matrix with entries (−2, 3) is diag(−1, 1).
    expect(Array.from(orthogonalize([-2, 0, 0, 3], 2, 2), (v) => v + 0)).toEqual([-1, 0, 0, 1]); // + 0 turns −0 into 0
  });
});

describe('forget-gate bias', () => {
  it('sets only the f block (i, f, g, o order) of a [4H] bias', () => {
    const bias = setForgetGateBias(new Float64Array(8), 2, 1);
    expect(Array.from(bias)).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
    expect(() => setForgetGateBias(new Float64Array(6), 2)).toThrow(/6 elements, expected 4·hiddenSize = 8/);
  });
});
