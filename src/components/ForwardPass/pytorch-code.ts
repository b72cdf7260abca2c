/** The chapter's "same in PyTorch" blocks, written from the widgets' current settings. */
import type { ActivationName } from './activation-choice.ts';
import type { OutputName } from './output-function.ts';
import { pythonActivation } from './python-formula.ts';
import { SIZES, type StepModel } from './step-through.ts';
import type { ShapeConfig } from './shapes.ts';

/** A Python bool. */
function py(value: boolean): string {
  return value ? 'True' : 'False';
}

/** A flat row-major array as a nested Python list with the given row length. */
function pyList(values: ArrayLike<number>, rowLength?: number): string {
  const items = Array.from(values, (v) => String(v));
  if (!rowLength) return `[${items.join(', ')}]`;
  const rows: string[] = [];
  for (let i = 0; i < items.length; i += rowLength) rows.push(`[${items.slice(i, i + rowLength).join(', ')}]`);
  return `[${rows.join(', ')}]`;
}

/** The shapes widget's nn.RNN call on a zero input, printing output.shape and h_n.shape. */
export function shapesCode(config: ShapeConfig): string {
  const { batch, steps, inputSize, hiddenSize, numLayers, batchFirst, bidirectional } = config;
  const dims = batchFirst ? `${batch}, ${steps}, ${inputSize}` : `${steps}, ${batch}, ${inputSize}`;
  return [
    'import torch',
    'from torch import nn',
    '',
    `rnn = nn.RNN(input_size=${inputSize}, hidden_size=${hiddenSize}, num_layers=${numLayers},`,
    `             batch_first=${py(batchFirst)}, bidirectional=${py(bidirectional)})`,
    `x = torch.zeros(${dims})  # ${batchFirst ? '[B, T, D_in]' : '[T, B, D_in]'}`,
    'output, h_n = rnn(x)',
    'print(output.shape)  # every step of the top layer',
    'print(h_n.shape)     # the last step of every layer and direction',
  ].join('\n');
}

/** The output function g in torch. */
function torchOutput(output: OutputName): string {
  if (output === 'softmax') return 'y = torch.softmax(z, dim=-1)   # g = softmax: one class';
  if (output === 'sigmoid') return 'y = torch.sigmoid(z)           # g = sigmoid: independent labels';
  return 'y = z                          # g = identity: regression';
}

/**
 * The step-through widget's model in PyTorch: the same rounded weights and inputs, the same f and g,
 * printing the step the widget shows. A reader formula with no torch translation becomes a line to fill in.
 */
export function stepCode(model: StepModel, activation: ActivationName, formula: string, output: OutputName, t: number): string {
  const { inputSize: D, hiddenSize: H, outputSize: O } = SIZES;
  const p = model.rnn.cells[0]![0]!;
  const nonlinearity = activation === 'ReLU' ? 'relu' : 'tanh';
  const lines = [
    'import math',
    'import torch',
    'from torch import nn',
    '',
    'torch.set_default_dtype(torch.float64)  # the widget computes in float64',
    'torch.set_printoptions(precision=4, sci_mode=False)',
    `rnn = nn.RNN(input_size=${D}, hidden_size=${H}, nonlinearity='${nonlinearity}')`,
    `head = nn.Linear(${H}, ${O})  # W_hy and b_y`,
    `with torch.no_grad():  # the widget's weights, seed ${model.seed}`,
    `    rnn.weight_ih_l0.copy_(torch.tensor(${pyList(p.weightIh.value, D)}))  # W_xh`,
    `    rnn.weight_hh_l0.copy_(torch.tensor(${pyList(p.weightHh.value, H)}))  # W_hh`,
    `    rnn.bias_ih_l0.copy_(torch.tensor(${pyList(p.biasIh!.value)}))`,
    `    rnn.bias_hh_l0.copy_(torch.tensor(${pyList(p.biasHh!.value)}))  # b_h = b_ih + b_hh`,
    `    head.weight.copy_(torch.tensor(${pyList(model.head.weight.value, H)}))`,
    `    head.bias.copy_(torch.tensor(${pyList(model.head.bias!.value)}))`,
    `x = torch.tensor(${pyList(model.inputs.flat(), D)})  # [T, D_in], one unbatched sequence`,
    '',
  ];
  if (activation === 'yours') {
    const expression = pythonActivation(formula) ?? `None  # write your f here: ${formula.replace(/\s+/g, ' ')}`;
    lines.push(
      `f = lambda a: ${expression}`,
      '# nn.RNN only knows tanh and relu, so run its weights by hand with your f:',
      `h = torch.zeros(${H})`,
      'hs = []',
      'for x_t in x:',
      '    a = rnn.weight_ih_l0 @ x_t + rnn.weight_hh_l0 @ h + rnn.bias_ih_l0 + rnn.bias_hh_l0',
      '    h = f(a)',
      '    hs.append(h)',
      'output = torch.stack(hs)      # h_1 ... h_T, [T, H]',
    );
  } else {
    lines.push('output, h_n = rnn(x)          # h_1 ... h_T, [T, H]');
  }
  lines.push(
    'z = head(output)               # logits z_t = W_hy h_t + b_y, [T, D_out]',
    torchOutput(output),
    '',
    `t = ${t}`,
    `h_prev = output[t - 2] if t > 1 else torch.zeros(${H})`,
    'a = rnn.weight_ih_l0 @ x[t - 1] + rnn.weight_hh_l0 @ h_prev + rnn.bias_ih_l0 + rnn.bias_hh_l0',
    "print('a_t', a)",
    "print('h_t', output[t - 1])",
    "print('z_t', z[t - 1])",
    "print('y_t', y[t - 1])",
  );
  return lines.join('\n');
}
