/**
 * SGD, Adam and AdamW against torch.optim: test/fixtures/ops/optim.json, written by scripts/make_op_fixtures.py
 * (PyTorch 1.13, float64). Each case trains Linear(3, 2) with mse_loss on fixed data for 25 full-batch steps,
 * optionally clipping with clip_grad_norm_; we replay it with lib/ and compare the loss before each step and the
 * parameters after each step to 1e-9 relative. Plus first steps worked by hand, and state and input checks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSgdState, sgdStep, type SgdOptions } from '../../../lib/train/sgd.ts';
import { adamStep, adamwStep, createAdamState, type AdamOptions } from '../../../lib/train/adam.ts';
import { clipNormInPlace } from '../../../lib/train/clip.ts';
import { createLinear, linearBackward, linearForward, linearParameters } from '../../../lib/nn/linear.ts';
import { mseLoss } from '../../../lib/nn/loss.ts';
import { accumulateGrads, createParameter, zeroGrad, type Parameter } from '../../../lib/nn/parameter.ts';
import { fromNested } from '../../../lib/tensor.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/ops/optim.json', import.meta.url), 'utf8'));

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, where: string, rtol = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tolerance = rtol * Math.max(Math.abs(expected[i]!), 1e-8);
    if (!(Math.abs(actual[i]! - expected[i]!) <= tolerance)) throw new Error(`${where}, element ${i}: ${actual[i]} vs ${expected[i]}`);
  }
}

/** torch's keyword options → ours. */
function translate(options: Record<string, unknown>): SgdOptions & AdamOptions {
  return {
    lr: options.lr as number,
    momentum: options.momentum as number | undefined,
    dampening: options.dampening as number | undefined,
    nesterov: options.nesterov as boolean | undefined,
    weightDecay: options.weight_decay as number | undefined,
    maximize: options.maximize as boolean | undefined,
    betas: options.betas as [number, number] | undefined,
    eps: options.eps as number | undefined,
    amsgrad: options.amsgrad as boolean | undefined,
  };
}

describe('optimizers match torch.optim over 25 steps (fixture optim.json)', () => {
  const x = fromNested(fixture.x);
  const y = fromNested(fixture.y);
  for (const c of fixture.cases) {
    it(`${c.name}: ${c.optimizer} ${JSON.stringify(c.options)}${c.clip_max_norm ? ` with clip_grad_norm_(${c.clip_max_norm})` : ''}`, () => {
      const layer = createLinear(3, 2);
      layer.weight.value.set(fromNested(fixture.initial_weight).data);
      layer.bias!.value.set(fromNested(fixture.initial_bias).data);
      const parameters = linearParameters(layer);
      const options = translate(c.options);
      const sgd = createSgdState(parameters);
      const adam = createAdamState(parameters);
      for (let step = 0; step < fixture.steps; step++) {
        zeroGrad(parameters);
        const { loss, grad } = mseLoss(linearForward(layer, x), y);
        const grads = linearBackward(layer, x, grad);
        accumulateGrads(parameters, { weight: grads.weight, bias: grads.bias! });
        if (c.clip_max_norm !== null) expectClose([clipNormInPlace(parameters, c.clip_max_norm).totalNorm], [c.total_norms[step]], `norm ${step}`);
        if (c.optimizer === 'SGD') sgdStep(parameters, sgd, options);
        else if (c.optimizer === 'Adam') adamStep(parameters, adam, options);
        else adamwStep(parameters, adam, options);
        expectClose([loss], [c.losses[step]], `loss ${step}`);
        expectClose(layer.weight.value, fromNested(c.weights[step]).data, `weight after step ${step + 1}`);
        expectClose(layer.bias!.value, fromNested(c.biases[step]).data, `bias after step ${step + 1}`);
      }
      expect(c.optimizer === 'SGD' ? sgd.step : adam.step).toBe(fixture.steps);
    });
  }
});

function single(value: number, grad: number): Parameter {
  const p = createParameter('theta', [1], Float64Array.of(value));
  p.grad[0] = grad;
  return p;
}

describe('first steps by hand', () => {
  it('SGD with momentum: the buffer starts as the gradient, then μ b + (1 − τ) g', () => {
    // θ = 1, g = 2, η = 0.1, μ = 0.9, τ = 0.5. Step 1: b = g = 2 (no dampening on the first step), θ = 1 − 0.2 = 0.8.
    // Step 2 with g = 2: b = 0.9·2 + 0.5·2 = 2.8, θ = 0.8 − 0.28 = 0.52.
    const p = single(1, 2);
    const state = createSgdState([p]);
    sgdStep([p], state, { lr: 0.1, momentum: 0.9, dampening: 0.5 });
    expect(p.value[0]).toBeCloseTo(0.8, 15);
    sgdStep([p], state, { lr: 0.1, momentum: 0.9, dampening: 0.5 });
    expect(state.momentumBuffers[0]![0]).toBeCloseTo(2.8, 15);
    expect(p.value[0]).toBeCloseTo(0.52, 15);
  });

  it('Adam: the first step moves every weight by about lr, whatever the gradient scale', () => {
    // Step 1: m = 0.1·g, v = 0.001·g², m̂ = m / 0.1 = g, √v / √0.001 = |g|, so Δθ = −η·g / (|g| + ε) ≈ −η·sign(g).
    // With θ = 1, g = 4, η = 0.01: θ = 1 − 0.01·4 / (4 + 1e−8) = 0.99000000002500…
    const p = single(1, 4);
    adamStep([p], createAdamState([p]), { lr: 0.01 });
    expect(p.value[0]).toBeCloseTo(1 - 0.01 * 4 / (4 + 1e-8), 15);
  });

  it('AdamW: decay θ(1 − ηλ) first, then the Adam step', () => {
    // θ = 2, g = 0 ⇒ m = v = 0 and the Adam part is 0; θ = 2·(1 − 0.1·0.5) = 1.9.
    const p = single(2, 0);
    adamwStep([p], createAdamState([p]), { lr: 0.1, weightDecay: 0.5 });
    expect(p.value[0]).toBeCloseTo(1.9, 15);
  });
});

describe('optimizer state and bad options', () => {
  it('state is plain data: it survives structuredClone and resumes identically', () => {
    const a = single(1, 0.5), b = single(1, 0.5);
    const stateA = createAdamState([a]);
    adamStep([a], stateA, { lr: 0.1, amsgrad: true });
    b.value[0] = a.value[0]!;
    const stateB = structuredClone(stateA);
    adamStep([a], stateA, { lr: 0.1, amsgrad: true });
    adamStep([b], stateB, { lr: 0.1, amsgrad: true });
    expect(b.value[0]).toBe(a.value[0]);
    expect(stateB.step).toBe(2);
  });
  it('a state made for other parameters throws, naming the slot', () => {
    const p = single(1, 1);
    const q = createParameter('w', [2], new Float64Array(2));
    expect(() => sgdStep([p, q], createSgdState([p]), { lr: 0.1 })).toThrow(/momentumBuffers has 1 slots, but 2/);
    const state = createAdamState([q]);
    adamStep([q], state);
    expect(() => adamStep([p], state)).toThrow(/expAvg\[0\] has 2 elements, parameter "theta" has 1/);
  });
  it('a non-finite gradient throws, naming the parameter, and leaves values and state untouched', () => {
    const p = single(1, Infinity);
    const sgd = createSgdState([p]);
    expect(() => sgdStep([p], sgd, { lr: 0.1, momentum: 0.9 })).toThrow(/gradient of "theta" is non-finite at index 0/);
    expect(sgd).toEqual({ step: 0, momentumBuffers: [null] });
    p.grad[0] = NaN;
    const adam = createAdamState([p]);
    expect(() => adamwStep([p], adam)).toThrow(/"theta" is non-finite/);
    expect(adam.step).toBe(0);
    expect(p.value[0]).toBe(1);
  });
  it('options torch refuses are refused', () => {
    const p = single(1, 1);
    expect(() => sgdStep([p], createSgdState([p]), { lr: 0.1, nesterov: true })).toThrow(/Nesterov/);
    expect(() => sgdStep([p], createSgdState([p]), { lr: -1 })).toThrow(/learning rate/);
    expect(() => adamStep([p], createAdamState([p]), { betas: [1, 0.999] })).toThrow(/beta parameter at index 0/);
    expect(() => adamwStep([p], createAdamState([p]), { eps: -1 })).toThrow(/epsilon/);
  });
  it('float32 parameters keep float32 state', () => {
    const p = createParameter('w', [2], Float32Array.of(1, 2));
    p.grad.set([0.5, -0.5]);
    const state = createAdamState([p]);
    adamStep([p], state);
    expect(state.expAvg[0]).toBeInstanceOf(Float32Array);
  });
});

