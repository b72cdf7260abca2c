/**
 * The gate explorer's "same in PyTorch" block: nn.LSTM or nn.GRU with the widget's sizes, its rounded weights and
 * remember bias copied in, run over the same word vectors; it prints the gates of the highlighted step, computed
 * from the weights with PyTorch's equations, and checks h_t against the module's own output.
 */
import { cellParams } from '../../../lib/nn/recurrent.ts';
import { pythonString } from '../UnrolledRnn/pytorch-code.ts';
import { toMatrix } from '../UnrolledRnn/unrolled-rnn.ts';
import { EXPLORER_INPUT_SIZE, type ExplorerView } from './gate-explorer.ts';

function pythonList(values: ArrayLike<number>): string {
  return `[${Array.from(values, (v) => String(v)).join(', ')}]`;
}

function pythonRows(rows: readonly (readonly number[])[], indent: string): string {
  return `[\n${rows.map((row) => `${indent}    ${pythonList(row)},`).join('\n')}\n${indent}]`;
}

const LSTM_GATES = [
  '    i, f, g, o = gates.chunk(4)  # PyTorch stacks the blocks as i, f, g, o',
  '    i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)',
  '    c = f * c + i * g',
  '    h = o * torch.tanh(c)',
  '    hs.append(h)',
  '    if t == step:',
  "        print('i', i); print('f', f); print('g', g); print('o', o); print('c', c); print('h', h)",
];

const GRU_GATES = [
  '    xr, xz, xn = (x[t - 1] @ W_ih.T + b_ih).chunk(3)  # blocks r, z, n',
  '    hr, hz, hn = (h @ W_hh.T + b_hh).chunk(3)',
  '    r, z = torch.sigmoid(xr + hr), torch.sigmoid(xz + hz)',
  '    n = torch.tanh(xn + r * hn)  # the reset gate scales W_hn h + b_hn, as PyTorch does',
  '    h = (1 - z) * n + z * h',
  '    hs.append(h)',
  '    if t == step:',
  "        print('r', r); print('z', z); print('n', n); print('h', h)",
];

/** The PyTorch program for the explorer's current view and 1-based step; `rememberBias` is the f (LSTM) or z (GRU) bias it set. */
export function explorerCode(view: ExplorerView, step: number, seed: number, rememberBias: number): string {
  if (!view.model || view.words.length === 0) return '# No words to read yet: type a sentence in the widget above.';
  const { kind, words, inputs } = view;
  const H = view.model.config.hiddenSize;
  const D = EXPLORER_INPUT_SIZE;
  const G = kind === 'LSTM' ? 4 : 3;
  const p = cellParams(view.model, 0, 0);
  const module = kind === 'LSTM' ? 'lstm' : 'gru';
  const gate = kind === 'LSTM' ? 'forget gate f (block 2 of i, f, g, o)' : 'update gate z (block 2 of r, z, n)';
  return [
    'import torch',
    'from torch import nn',
    '',
    'torch.set_default_dtype(torch.float64)  # the widget computes in float64 too',
    '',
    `words = [${words.map(pythonString).join(', ')}]`,
    `# x_t for each word: the widget's seeded word vectors (seed ${seed}), D_in = ${D}`,
    `x = torch.tensor(${pythonRows(inputs, '')})`,
    '',
    `${module} = nn.${kind}(input_size=${D}, hidden_size=${H})`,
    `H = ${H}`,
    `# The widget's weights (PyTorch's default init drawn from seed ${seed}, rounded to 4 decimals).`,
    "# Leave this block out for PyTorch's own random weights: other numbers, same shapes.",
    'with torch.no_grad():',
    `    ${module}.weight_ih_l0.copy_(torch.tensor(${pythonRows(toMatrix(p.weightIh, G * H, D), '    ')}))`,
    `    ${module}.weight_hh_l0.copy_(torch.tensor(${pythonRows(toMatrix(p.weightHh, G * H, H), '    ')}))`,
    `    ${module}.bias_ih_l0.copy_(torch.tensor(${pythonList(p.biasIh ?? [])}))`,
    `    ${module}.bias_hh_l0.copy_(torch.tensor(${pythonList(p.biasHh ?? [])}))`,
    `    # The ${gate}: total bias ${rememberBias}, all of it in bias_ih.`,
    `    ${module}.bias_ih_l0[H:2 * H].fill_(${rememberBias})`,
    `    ${module}.bias_hh_l0[H:2 * H].fill_(0)`,
    '',
    `W_ih, W_hh = ${module}.weight_ih_l0.detach(), ${module}.weight_hh_l0.detach()`,
    `b_ih, b_hh = ${module}.bias_ih_l0.detach(), ${module}.bias_hh_l0.detach()`,
    `step = ${step}  # the step the widget highlights (1-based), the word ${pythonString(words[step - 1]!)}`,
    kind === 'LSTM' ? 'h, c = torch.zeros(H), torch.zeros(H)' : 'h = torch.zeros(H)',
    'hs = []  # h_t of every step',
    `for t in range(1, len(words) + 1):`,
    ...(kind === 'LSTM' ? ['    gates = x[t - 1] @ W_ih.T + b_ih + h @ W_hh.T + b_hh', ...LSTM_GATES] : GRU_GATES),
    '',
    `output, _ = ${module}(x.unsqueeze(1))  # the module itself, for comparison: [T, 1, H]`,
    "print('same h_t as the module:', torch.allclose(output[step - 1, 0], hs[step - 1]))",
  ].join('\n');
}
