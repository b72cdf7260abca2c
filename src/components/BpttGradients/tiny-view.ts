/** The tiny RNN's worked example as TeX lines: forward, every gradient matrix by matrix, and the update. */
import type { TinyExample, TinyModel } from './tiny-rnn.ts';
import { TINY, tinyExample } from './tiny-rnn.ts';

/** One labelled line of the example: its key (for tests), TeX, and a note. */
export interface TinyLine {
  readonly key: string;
  readonly tex: string;
  readonly note: string;
}

/** The example's TeX, or why there is none. */
export type TinyView =
  | { readonly ok: true; readonly example: TinyExample; readonly forward: readonly TinyLine[]; readonly backward: readonly TinyLine[]; readonly update: readonly TinyLine[] }
  | { readonly ok: false; readonly message: string };

/** A number with four decimals for TeX, "-0.0000" shown as 0. */
export function texEntry(value: number): string {
  if (!Number.isFinite(value)) return '\\text{—}';
  const text = Math.abs(value) >= 1e5 ? value.toExponential(3) : value.toFixed(4);
  return text === '-0.0000' ? '0.0000' : text;
}

/** A row-major matrix (or a column vector when columns = 1) as a bmatrix. */
export function texMatrix(values: readonly number[], columns: number): string {
  const rows: string[] = [];
  for (let i = 0; i < values.length; i += columns) rows.push(values.slice(i, i + columns).map(texEntry).join(' & '));
  return `\\begin{bmatrix} ${rows.join(' \\\\ ')} \\end{bmatrix}`;
}

function column(values: readonly number[]): string {
  return texMatrix(values, 1);
}

function weights(model: TinyModel) {
  const cell = model.rnn.cells[0]![0]!;
  return {
    weightHh: Array.from(cell.weightHh.value),
    weightXh: Array.from(cell.weightIh.value),
    biasH: Array.from(cell.biasIh!.value, (b, i) => b + cell.biasHh!.value[i]!),
    weightHy: Array.from(model.head.weight.value),
    biasY: Array.from(model.head.bias!.value),
  };
}

/** Build every line for a seed and learning rate α; never throws. */
export function tinyView(seed: number, alpha: number): TinyView {
  try {
    const example = tinyExample(seed, alpha);
    const { before, gradients: g, after } = example;
    const H = TINY.hiddenSize;
    const w = weights(example.model);
    const next = weights(example.updated);
    const forward: TinyLine[] = [
      { key: 'weights', tex: `W_{hh} = ${texMatrix(w.weightHh, H)},\\; W_{xh} = ${texMatrix(w.weightXh, TINY.inputSize)},\\; b_h = ${column(w.biasH)}`, note: 'the weights (seed ' + seed + ')' },
      { key: 'head', tex: `W_{hy} = ${texMatrix(w.weightHy, H)},\\; b_y = ${texEntry(w.biasY[0]!)},\\; y^* = ${TINY.target}`, note: 'the head and the target' },
      { key: 'inputs', tex: example.model.inputs.map((x, t) => `x_${t + 1} = ${column(x)}`).join(',\\; '), note: 'the inputs' },
      { key: 'hidden', tex: before.hidden.map((h, t) => `h_${t + 1} = ${column(h)}`).join(',\\; '), note: 'h_t = tanh(W_hh h_{t−1} + W_xh x_t + b_h), from h_0 = 0' },
      { key: 'loss', tex: `\\hat y = W_{hy} h_3 + b_y = ${texEntry(before.prediction)},\\quad L = (\\hat y - y^*)^2 = ${texEntry(before.loss)}`, note: 'the prediction and the loss' },
    ];
    const backward: TinyLine[] = [
      { key: 'dy', tex: `\\frac{\\partial L}{\\partial \\hat y} = 2(\\hat y - y^*) = ${texEntry(g.prediction)}`, note: 'the loss’s own derivative' },
      {
        key: 'dh',
        tex: [2, 1, 0].map((t) => `\\frac{\\partial L}{\\partial h_${t + 1}} = ${column(g.hidden[t]!)}`).join(',\\; '),
        note: '∂L/∂h_3 = W_hyᵀ ∂L/∂ŷ; then ∂L/∂h_{t−1} = W_hhᵀ diag(f′(a_t)) ∂L/∂h_t, back through time',
      },
      { key: 'dWhh', tex: `\\frac{\\partial L}{\\partial W_{hh}} = ${texMatrix(g.weightHh, H)}`, note: 'Σ_t diag(f′(a_t)) ∂L/∂h_t · h_{t−1}ᵀ: one term per step' },
      { key: 'dWxh', tex: `\\frac{\\partial L}{\\partial W_{xh}} = ${texMatrix(g.weightXh, TINY.inputSize)}`, note: 'Σ_t diag(f′(a_t)) ∂L/∂h_t · x_tᵀ' },
      { key: 'db', tex: `\\frac{\\partial L}{\\partial b_h} = ${column(g.biasH)}`, note: 'Σ_t diag(f′(a_t)) ∂L/∂h_t (PyTorch gives b_ih and b_hh each this gradient)' },
      { key: 'dWhy', tex: `\\frac{\\partial L}{\\partial W_{hy}} = ${texMatrix(g.weightHy, H)},\\; \\frac{\\partial L}{\\partial b_y} = ${texEntry(g.biasY[0]!)}`, note: 'the head: ∂L/∂ŷ · h_3ᵀ and ∂L/∂ŷ' },
    ];
    const update: TinyLine[] = [
      { key: 'newWhh', tex: `W_{hh} - ${alpha}\\,\\frac{\\partial L}{\\partial W_{hh}} = ${texMatrix(next.weightHh, H)}`, note: 'W_hh after the step (every other parameter moves the same way)' },
      { key: 'newLoss', tex: `L: ${texEntry(before.loss)} \\;\\to\\; ${texEntry(after.loss)}`, note: `the loss before and after one step with α = ${alpha}` },
    ];
    return { ok: true, example, forward, backward, update };
  } catch (error) {
    return { ok: false, message: `The example could not be computed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
