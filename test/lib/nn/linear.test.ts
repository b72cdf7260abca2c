/**
 * Linear against PyTorch: test/fixtures/ops/linear.json, written by scripts/make_op_fixtures.py
 * (torch.nn.Linear in float64, PyTorch 1.13), plus central finite differences and a case by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLinear, linearBackward, linearForward, linearParameters, type Linear } from '../../../lib/nn/linear.ts';
import { fromNested, type NestedNumbers, type Tensor } from '../../../lib/tensor.ts';
import { createRandom } from '../../../lib/random.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/ops/linear.json', import.meta.url), 'utf8'));

function flat(value: NestedNumbers): Float64Array {
  return fromNested(value).data as Float64Array;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tolerance = rtol * Math.max(Math.abs(expected[i]!), 1e-8);
    if (!(Math.abs(actual[i]! - expected[i]!) <= tolerance)) throw new Error(`element ${i}: ${actual[i]} vs ${expected[i]} (tolerance ${tolerance})`);
  }
}

function layerFrom(weight: NestedNumbers, bias: NestedNumbers | null, inFeatures: number, outFeatures: number): Linear {
  const layer = createLinear(inFeatures, outFeatures, { bias: bias !== null });
  layer.weight.value.set(flat(weight));
  if (bias !== null) layer.bias!.value.set(flat(bias));
  return layer;
}

describe('Linear matches torch.nn.Linear (fixture linear.json)', () => {
  for (const c of fixture.cases) {
    it(`${c.name}: output and gradients to 1e-9 relative`, () => {
      const layer = layerFrom(c.weight, c.bias_value, c.in_features, c.out_features);
      const input = fromNested(c.input);
      const output = linearForward(layer, input);
      expect(output.shape).toEqual(fromNested(c.output).shape);
      expectClose(output.data, flat(c.output));
      const grads = linearBackward(layer, input, fromNested(c.grad_output));
      expect(grads.input.shape).toEqual(input.shape);
      expectClose(grads.input.data, flat(c.grads.input));
      expectClose(grads.weight, flat(c.grads.weight));
      if (c.bias) expectClose(grads.bias!, flat(c.grads.bias));
      else expect(grads.bias).toBeNull();
    });
  }
});

describe('Linear by hand and by finite differences', () => {
  it('a 1×2 → 1 case by hand', () => {
    // W = [[2, −1]], b = [0.5], x = [[3, 4]]:  y = 2·3 + (−1)·4 + 0.5 = 2.5.
    // With dy = [[2]]:  dx = dy·W = [[4, −2]],  dW = dyᵀx = [[6, 8]],  db = [2].
    const layer = layerFrom([[2, -1]], [0.5], 2, 1);
    const x = fromNested([[3, 4]]);
    expect(Array.from(linearForward(layer, x).data)).toEqual([2.5]);
    const grads = linearBackward(layer, x, fromNested([[2]]));
    expect(Array.from(grads.input.data)).toEqual([4, -2]);
    expect(Array.from(grads.weight)).toEqual([6, 8]);
    expect(Array.from(grads.bias!)).toEqual([2]);
  });

  it('central differences agree with linearBackward for x, W and b', () => {
    const random = createRandom(11);
    const layer = createLinear(4, 3, { random });
    const input = fromNested([[0.3, -1.2, 0.8, 2.0], [1.1, 0.4, -0.7, -0.2]]);
    const gradOutput = fromNested([[0.5, -1, 2], [1.5, 0.25, -0.75]]);
    // L = Σ y ⊙ gradOutput, so ∂L/∂y = gradOutput.
    const loss = (): number => {
      const y = linearForward(layer, input).data;
      let sum = 0;
      for (let i = 0; i < y.length; i++) sum += y[i]! * gradOutput.data[i]!;
      return sum;
    };
    const grads = linearBackward(layer, input, gradOutput);
    const h = 1e-6;
    const check = (values: Float64Array | Float32Array, analytic: ArrayLike<number>): void => {
      for (let i = 0; i < values.length; i++) {
        const saved = values[i]!;
        values[i] = saved + h; const plus = loss();
        values[i] = saved - h; const minus = loss();
        values[i] = saved;
        expect(Math.abs((plus - minus) / (2 * h) - analytic[i]!)).toBeLessThan(1e-7);
      }
    };
    check(input.data, grads.input.data);
    check(layer.weight.value, grads.weight);
    check(layer.bias!.value, grads.bias!);
  });
});

describe('Linear construction and bad input', () => {
  it('default init is U(−1/√in, 1/√in) and deterministic per seed', () => {
    const a = createLinear(16, 8, { random: createRandom(3) });
    const b = createLinear(16, 8, { random: createRandom(3) });
    expect(Array.from(a.weight.value)).toEqual(Array.from(b.weight.value));
    for (const p of linearParameters(a)) for (const v of p.value) expect(Math.abs(v)).toBeLessThanOrEqual(0.25);
    expect(linearParameters(a).map((p) => p.name)).toEqual(['weight', 'bias']);
    expect(linearParameters(createLinear(2, 2, { bias: false })).map((p) => p.name)).toEqual(['weight']);
  });

  it('float32 parameters give a float32 output', () => {
    const layer = createLinear(2, 2, { dtype: 'float32', random: createRandom(1) });
    expect(linearForward(layer, fromNested([[1, 2]], 'float32')).data).toBeInstanceOf(Float32Array);
  });

  it('throws, naming the shape, on a wrong input width, wrong gradOutput, non-finite input or bad sizes', () => {
    const layer = createLinear(3, 2);
    expect(() => linearForward(layer, fromNested([[1, 2]]))).toThrow(/input has shape \[1, 2\], expected \[\.\.\., 3\]/);
    expect(() => linearForward(layer, fromNested([[1, NaN, 2]]))).toThrow(/non-finite/);
    const x: Tensor = fromNested([[1, 2, 3], [4, 5, 6]]);
    expect(() => linearBackward(layer, x, fromNested([[1, 2]]))).toThrow(/gradOutput has shape \[1, 2\], expected \[2, 2\]/);
    expect(() => linearBackward(layer, x, fromNested([[1, 2, 3], [1, 2, 3]]))).toThrow(/gradOutput/);
    expect(() => createLinear(0, 2)).toThrow(/inFeatures/);
    expect(() => createLinear(2, 1.5)).toThrow(/outFeatures/);
  });
});
