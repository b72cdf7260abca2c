/**
 * The chapter's PyTorch block: the same word, model, starting weights, loss and optimiser as the
 * widgets, trained for the same k steps; it prints the losses of the curve, generates from the
 * trained model, and takes step k + 1 printing the gradient norms the widget shows.
 */
import { pythonNumber, pythonString } from '../../kit/code-template.ts';
import type { VariableValues } from '../../kit/variables.ts';
import { charTask } from './char-task.ts';
import { readSettings } from './settings.ts';
import { initialModel } from './trajectory.ts';

/** A flat row-major array as a nested Python list (rows of rowLength when given). */
function pyList(values: ArrayLike<number>, rowLength?: number): string {
  const items = Array.from(values, (v) => pythonNumber(v));
  if (!rowLength) return `[${items.join(', ')}]`;
  const rows: string[] = [];
  for (let i = 0; i < items.length; i += rowLength) rows.push(`[${items.slice(i, i + rowLength).join(', ')}]`);
  return `[${rows.join(', ')}]`;
}

/** The code for the page's current settings, or undefined when the word gives no pairs. */
export function trainingCode(values: VariableValues): string | undefined {
  const settings = readSettings(values);
  const built = charTask(settings.word);
  if (!built.ok) return undefined;
  const { word, hiddenSize: H, lr, reduction, steps: k, seed, decoding, temperature } = settings;
  const model = initialModel({ task: built.task, hiddenSize: H, lr, reduction, seed });
  const weights = model.parameters.map((p) => `    '${p.name}': ${pyList(p.value, p.shape.length === 2 ? p.shape[1] : undefined)},`);
  const choose =
    decoding === 'greedy'
      ? ['        c = z.argmax()                            # greedy: the most likely character']
      : [
          `        p = torch.softmax(z / ${pythonNumber(temperature)}, dim=-1)       # temperature τ = ${pythonNumber(temperature)}`,
          "        c = torch.multinomial(p, 1)[0]            # a draw (PyTorch's random numbers differ from the widget's)",
        ];
  return [
    'import torch',
    'from torch import nn',
    '',
    'torch.set_default_dtype(torch.float64)  # the widgets compute in float64',
    `word = ${pythonString(word)}`,
    'vocab = list(dict.fromkeys(word))       # each character once, in order of first appearance',
    `V, H = len(vocab), ${H}`,
    'ids = torch.tensor([vocab.index(ch) for ch in word])',
    'x = nn.functional.one_hot(ids[:-1], V).double()  # inputs x_1 ... x_T, [T, V]',
    'y = ids[1:]                                       # labels y_t = x_(t+1), [T]',
    '',
    'rnn = nn.RNN(V, H)     # h_t = tanh(W_xh x_t + W_hh h_(t-1) + b_h)',
    'head = nn.Linear(H, V)  # z_t = W_hy h_t + b_y',
    'params = [*rnn.parameters(), *head.parameters()]',
    `start = {  # the widgets' starting weights: seed ${seed}, rounded to two decimals`,
    ...weights,
    '}',
    'with torch.no_grad():',
    '    for name, p in [*rnn.named_parameters(), *head.named_parameters()]:',
    '        p.copy_(torch.tensor(start[name]))',
    '',
    `criterion = nn.CrossEntropyLoss(reduction='${reduction}')`,
    `optimizer = torch.optim.SGD(params, lr=${pythonNumber(lr)})`,
    '',
    'def train_step():',
    '    optimizer.zero_grad()',
    '    output, h_n = rnn(x)      # h_1 ... h_T, [T, H]',
    '    loss = criterion(head(output), y)',
    '    loss.backward()           # backpropagation through time',
    '    optimizer.step()          # W <- W - lr * grad W',
    '    return loss.item()',
    '',
    `for step in range(${k}):  # k = ${k} steps: the loss curve`,
    "    print('L(theta_%d) = %.6f' % (step, train_step()))",
    '',
    'with torch.no_grad():  # inference: forward only, nothing kept for a backward pass',
    "    print('loss after k steps:', criterion(head(rnn(x)[0]), y).item())",
    '    h, c, text = torch.zeros(1, H), ids[0], word[0]',
    '    for t in range(len(ids) - 1):',
    '        out, h = rnn(nn.functional.one_hot(c, V).double().unsqueeze(0), h)  # x_t = the last output',
    '        z = head(out[0])',
    ...choose,
    '        text += vocab[c]',
    "    print('generated:', text)",
    '',
    `loss = train_step()  # step k + 1, in detail`,
    'for name, p in [*rnn.named_parameters(), *head.named_parameters()]:',
    "    print(name, 'gradient norm %.6f' % p.grad.norm().item())",
    "print('loss before %.6f, after %.6f' % (loss, criterion(head(rnn(x)[0]), y).item()))",
  ].join('\n');
}
