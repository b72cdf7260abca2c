/**
 * Training parity with PyTorch 1.13: 20 Adam steps of LSTM+Linear with MSE and GRU+Linear with softmax
 * cross-entropy (class indices per time step), float64, replayed through lib/train/trainer.ts.
 *
 * Reference values: test/fixtures/training/*.json, written by scripts/torch_training_cases.py
 * (run with Debian's python3-torch: `/usr/bin/python3 scripts/torch_training_cases.py`). Each file holds the
 * initial state dicts of the recurrent layer and the head, the inputs and targets of every step, the Adam
 * hyper-parameters, clip_grad_norm_'s max_norm where the case clips, and torch's loss (and total norm) at every
 * step and final weights. Every loss, norm and final weight must agree to |a − b| ≤ 1e-8 · max(1, |b|).
 * Every *.json in the folder is checked, whatever its name; an empty folder fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromNested, type NestedNumbers, type Tensor } from '../lib/tensor.ts';
import { createRecurrent, loadStateDict, stateDict } from '../lib/nn/recurrent.ts';
import { createLinear, type Linear } from '../lib/nn/linear.ts';
import { crossEntropyLoss, mseLoss } from '../lib/nn/loss.ts';
import { createAdamState } from '../lib/train/adam.ts';
import { trainableParameters, trainStep } from '../lib/train/trainer.ts';

interface TrainingCase {
  name: string;
  source: string;
  module: 'LSTM' | 'GRU';
  dtype: 'float64';
  config: { input_size: number; hidden_size: number; num_layers: number; bias: boolean; batch_first: boolean; bidirectional: boolean };
  head: { in_features: number; out_features: number };
  loss: 'mse' | 'cross_entropy';
  ignore_index: number | null;
  optimizer: { name: 'Adam'; lr: number; betas: [number, number]; eps: number; weight_decay: number; amsgrad: boolean };
  clip_grad_norm: { max_norm: number; norm_type: number } | null;
  steps: number;
  initial_state_dict: { recurrent: Record<string, NestedNumbers>; head: Record<string, NestedNumbers> };
  inputs: NestedNumbers[];
  targets: NestedNumbers[];
  losses: number[];
  total_norms: number[] | null;
  final_state_dict: { recurrent: Record<string, NestedNumbers>; head: Record<string, NestedNumbers> };
}

const TOLERANCE = 1e-8;
const fixtureDir = fileURLToPath(new URL('./fixtures/training/', import.meta.url));
const files = readdirSync(fixtureDir).filter((file) => file.endsWith('.json')).sort();
const cases = files.map((file) => JSON.parse(readFileSync(fixtureDir + file, 'utf8')) as TrainingCase);

/** The largest |a − b| / max(1, |b|) over all elements, with its index. */
function worstRelative(actual: ArrayLike<number>, expected: ArrayLike<number>): { excess: number; index: number } {
  let excess = 0;
  let index = -1;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.abs(actual[i]! - expected[i]!) / Math.max(1, Math.abs(expected[i]!));
    if (!(e <= excess)) { excess = e; index = i; }
  }
  return { excess, index };
}

function expectClose(name: string, actual: ArrayLike<number>, expected: Tensor): void {
  expect(actual.length, `${name} length`).toBe(expected.data.length);
  const { excess, index } = worstRelative(actual, expected.data);
  expect(excess, `${name}[${index}]: ${actual[index]} vs torch ${expected.data[index]}`).toBeLessThanOrEqual(TOLERANCE);
}

function loadHead(head: Linear, values: Record<string, NestedNumbers>): void {
  head.weight.value.set(fromNested(values.weight!, 'float64', 'head.weight').data);
  head.bias!.value.set(fromNested(values.bias!, 'float64', 'head.bias').data);
}

describe('training parity with PyTorch (test/fixtures/training, scripts/torch_training_cases.py)', () => {
  it('finds fixtures', () => {
    expect(files.length, `no *.json in ${fixtureDir}; run /usr/bin/python3 scripts/torch_training_cases.py`).toBeGreaterThan(0);
  });

  it('covers both losses, both modules, clipping and a multi-layer or bidirectional stack', () => {
    expect(new Set(cases.map((c) => `${c.module}/${c.loss}`))).toEqual(new Set(['LSTM/mse', 'GRU/cross_entropy']));
    expect(cases.some((c) => c.clip_grad_norm !== null)).toBe(true);
    expect(cases.some((c) => c.config.num_layers > 1 || c.config.bidirectional)).toBe(true);
  });

  for (const data of cases) {
    it(`${data.name}: ${data.steps} Adam steps match torch's losses and final weights to ${TOLERANCE}`, () => {
      const { config, optimizer } = data;
      expect(optimizer.name).toBe('Adam');
      const model = createRecurrent(data.module, {
        inputSize: config.input_size, hiddenSize: config.hidden_size, numLayers: config.num_layers,
        bias: config.bias, batchFirst: config.batch_first, bidirectional: config.bidirectional,
      });
      loadStateDict(model, data.initial_state_dict.recurrent);
      const head = createLinear(data.head.in_features, data.head.out_features);
      loadHead(head, data.initial_state_dict.head);
      const adamState = createAdamState(trainableParameters(model, head));
      const adam = { lr: optimizer.lr, betas: optimizer.betas, eps: optimizer.eps, weightDecay: optimizer.weight_decay, amsgrad: optimizer.amsgrad };
      const clipNorm = data.clip_grad_norm ? { maxNorm: data.clip_grad_norm.max_norm, normType: data.clip_grad_norm.norm_type } : undefined;
      const losses: number[] = [];
      const norms: number[] = [];
      expect(data.inputs.length).toBe(data.steps);
      for (let step = 0; step < data.steps; step++) {
        const input = fromNested(data.inputs[step]!, 'float64', `inputs[${step}]`);
        const target = fromNested(data.targets[step]!, 'float64', `targets[${step}]`);
        const result = trainStep(model, head, adamState, input, (logits) => data.loss === 'mse'
          ? mseLoss(logits, { shape: logits.shape, data: target.data })
          : crossEntropyLoss(logits, target.data, { ignoreIndex: data.ignore_index ?? -100 }), { adam, clipNorm });
        expect(result.finite, `step ${step} finite`).toBe(true);
        losses.push(result.loss);
        if (result.totalNorm !== null) norms.push(result.totalNorm);
      }
      expectClose('losses', losses, { shape: [data.steps], data: Float64Array.from(data.losses) });
      if (data.total_norms) expectClose('total norms', norms, { shape: [data.steps], data: Float64Array.from(data.total_norms) });
      else expect(norms).toEqual([]);
      const finalRecurrent = stateDict(model);
      expect(Object.keys(finalRecurrent)).toEqual(Object.keys(data.final_state_dict.recurrent));
      for (const [key, expected] of Object.entries(data.final_state_dict.recurrent)) {
        expectClose(key, finalRecurrent[key]!.data, fromNested(expected, 'float64', key));
      }
      expectClose('head.weight', head.weight.value, fromNested(data.final_state_dict.head.weight!, 'float64', 'head.weight'));
      expectClose('head.bias', head.bias!.value, fromNested(data.final_state_dict.head.bias!, 'float64', 'head.bias'));
      // The weights must actually have moved, or matching them would prove nothing.
      const start = fromNested(data.initial_state_dict.head.weight!, 'float64').data;
      expect(worstRelative(head.weight.value, start).excess).toBeGreaterThan(1e-3);
    });
  }
});
