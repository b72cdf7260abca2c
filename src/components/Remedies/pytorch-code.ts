/** "The same in PyTorch" for the clipping widget: the example and its SGD loop with the widget's current settings. */
import { EXAMPLE_SIZES } from './exploding-rnn.ts';
import { TRAINING_STEPS, type ClipSettings } from './clip-settings.ts';

/** A number as Python source: integers get a trailing ".0" where a float is meant. */
function pythonFloat(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

/** The clipping line(s) for a mode, measuring the raw norm first as the widget does. */
function clipLines(settings: ClipSettings): string[] {
  const measure = "    total = nn.utils.clip_grad_norm_(params, max_norm=float('inf'))  # max_norm=inf: measures, never scales";
  if (settings.mode === 'norm') {
    return [`    total = nn.utils.clip_grad_norm_(params, max_norm=${pythonFloat(settings.maxNorm)})  # returns the norm BEFORE clipping`];
  }
  if (settings.mode === 'value') return [measure, `    nn.utils.clip_grad_value_(params, clip_value=${pythonFloat(settings.clipValue)})  # clamps each entry; changes the direction`];
  return [measure];
}

/** The whole script for these settings (runs on PyTorch 1.13). */
export function clipPytorchCode(settings: ClipSettings): string {
  const { batch, steps, hiddenSize } = EXAMPLE_SIZES;
  return [
    'import torch',
    'from torch import nn',
    '',
    `torch.manual_seed(${settings.seed})  # torch draws other random numbers than the course: same settings, not the same values`,
    `T, B, H = ${steps}, ${batch}, ${hiddenSize}`,
    "rnn = nn.RNN(input_size=1, hidden_size=H, nonlinearity='relu')",
    `nn.init.orthogonal_(rnn.weight_hh_l0, gain=${pythonFloat(settings.spectralRadius)})  # every eigenvalue of W_hh has magnitude ρ`,
    'head = nn.Linear(H, 1)',
    'params = list(rnn.parameters()) + list(head.parameters())',
    `optimizer = torch.optim.SGD(params, lr=${pythonFloat(settings.learningRate)})`,
    'x = torch.randn(T, B, 1)',
    'target = x[0]  # the task: output the first input after T steps',
    '',
    `for step in range(1, ${TRAINING_STEPS + 1}):`,
    '    optimizer.zero_grad()',
    '    output, h_n = rnn(x)',
    '    loss = nn.functional.mse_loss(head(output[-1]), target)',
    '    if not torch.isfinite(loss):',
    "        print(f'step {step}: the forward pass overflowed'); break",
    '    loss.backward()',
    ...clipLines(settings),
    '    if not torch.isfinite(total):',
    "        print(f'step {step}: the gradient norm is {total.item()}; clipping cannot rescue it'); break",
    '    optimizer.step()',
    "    print(f'step {step:2d}  loss {loss.item():.4g}  gradient norm {total.item():.4g}')",
  ].join('\n');
}
