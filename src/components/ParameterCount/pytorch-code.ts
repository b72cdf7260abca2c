/**
 * "The same in PyTorch" for the parameter calculator: the code that builds the reader's layer and
 * head and prints every tensor's numel, with the output it prints written underneath as comments.
 * The printed numbers come from tensorRows and lib/count.ts, so the comments are what torch prints.
 */
import type { RecurrentCountConfig } from '../../../lib/count.ts';
import { headCount, tensorRows, totalCount } from './parameter-count.ts';

/** The constructor call PyTorch needs for a config, e.g. "nn.LSTM(100, 128, num_layers=2, bidirectional=True)". */
export function constructorCall(config: RecurrentCountConfig): string {
  const args = [String(config.inputSize), String(config.hiddenSize)];
  if ((config.numLayers ?? 1) !== 1) args.push(`num_layers=${config.numLayers}`);
  if (config.bidirectional) args.push('bidirectional=True');
  if (config.bias === 'none') args.push('bias=False');
  return `nn.${config.kind}(${args.join(', ')})`;
}

/** How Python prints a shape tuple: (128, 100), and (128,) for a vector. */
function pythonTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** The mirror's code for a config and head size. With one bias vector, PyTorch still keeps two: the code folds them. */
export function pytorchCode(config: RecurrentCountConfig, outputSize: number): string {
  const directions = config.bidirectional ? 2 : 1;
  // PyTorch has no one-bias mode, so the code builds the two-bias layer and subtracts bias_hh.
  const torchConfig: RecurrentCountConfig = { ...config, bias: config.bias === 'one' ? 'two' : config.bias };
  const rows = tensorRows(torchConfig);
  const total = totalCount(torchConfig);
  const merged = totalCount(config);
  const lines = [
    'import torch.nn as nn',
    '',
    `rnn = ${constructorCall(torchConfig)}`,
    `head = nn.Linear(${directions * config.hiddenSize}, ${outputSize})  # W_hy and b_y: reads ${directions === 2 ? 'both directions, 2·D_h' : 'D_h'} features`,
    '',
    'for name, p in rnn.named_parameters():',
    '    print(name, tuple(p.shape), p.numel())',
    ...rows.map((row) => `# ${row.name} ${pythonTuple(row.shape)} ${row.count}`),
    '',
    'print(sum(p.numel() for p in rnn.parameters()))',
    `# ${total.ok ? total.total : total.message}`,
  ];
  if (config.bias === 'one') {
    lines.push(
      '',
      '# One merged bias vector per layer: bias_ih + bias_hh counted once',
      "print(sum(p.numel() for n, p in rnn.named_parameters() if not n.startswith('bias_hh')))",
      `# ${merged.ok ? merged.total : merged.message}`,
    );
  }
  lines.push('', 'print(sum(p.numel() for p in head.parameters()))', `# ${headCount(config, outputSize)}`);
  return lines.join('\n');
}
