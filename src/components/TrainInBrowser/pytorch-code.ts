/**
 * "The same in PyTorch": one training update of the current configuration, in code that runs on
 * PyTorch 1.13 as it stands. The batch is random stand-in data of the task's shapes; the model,
 * the loss, the padding and masking, the clipping and the optimizer are the ones the page uses.
 */
import { SGD_MOMENTUM } from '../../../lib/train/optimizer.ts';
import type { TrainingChoice } from './settings.ts';

/** Input and output sizes of each task, for the code (names: 28 symbols, spam: 200 words). */
export interface TaskSizes {
  readonly inputSize: number;
  readonly outputSize: number;
}

function pythonNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/** The Python code for one update of the configuration. */
export function pytorchCode(choice: TrainingChoice, sizes: TaskSizes): string {
  const { kind, hiddenSize: H, optimizer, learningRate, clipNorm, batchSize: B, seed } = choice.settings;
  const { inputSize: D, outputSize: O } = sizes;
  const optimizerLine = optimizer === 'SGD'
    ? `opt = torch.optim.SGD(params, lr=${pythonNumber(learningRate)}, momentum=${SGD_MOMENTUM})`
    : `opt = torch.optim.Adam(params, lr=${pythonNumber(learningRate)})`;
  const hN = kind === 'LSTM' ? 'h_n = state[0][-1]  # LSTM state is (h_n, c_n)' : 'h_n = state[-1]';
  const lines = [
    'import torch',
    'from torch import nn',
    'import torch.nn.functional as F',
    '',
    `torch.manual_seed(${seed})`,
    `rnn = nn.${kind}(input_size=${D}, hidden_size=${H})`,
    `fc = nn.Linear(${H}, ${O})`,
    'params = list(rnn.parameters()) + list(fc.parameters())',
    optimizerLine,
    '',
  ];
  if (choice.task === 'stocks') {
    const L = choice.windowLength;
    lines.push(
      `# A batch of ${B} windows of ${L} scaled prices, time-major [L, B, 1], and the next value of each.`,
      `x = torch.rand(${L}, ${B}, 1) * 2 - 1`,
      `y = torch.rand(${B}, 1) * 2 - 1`,
      'out, state = rnn(x)',
      hN,
      'loss = F.mse_loss(fc(h_n), y)  # many-to-one: the head reads the last state',
    );
  } else {
    const T = choice.task === 'names' ? 12 : 40;
    const what = choice.task === 'names' ? `names as one-hot characters (${D} symbols)` : `messages as one-hot words (${D}-word vocabulary)`;
    lines.push(
      `# A padded batch of ${B} ${what}, time-major [T, B, ${D}], with each true length.`,
      `T = ${T}`,
      `lengths = torch.randint(1, T + 1, (${B},))`,
      'lengths[0] = T',
      `ids = torch.randint(0, ${D}, (T, ${B}))`,
      `x = F.one_hot(ids, ${D}).float() * (torch.arange(T)[:, None] < lengths)[..., None]`,
      'packed = nn.utils.rnn.pack_padded_sequence(x, lengths, enforce_sorted=False)',
      'out, state = rnn(packed)  # padding is skipped: no step runs past a length',
    );
    if (choice.task === 'names') {
      lines.push(
        'out, _ = nn.utils.rnn.pad_packed_sequence(out)  # [T, B, H], zeros past each length',
        `targets = torch.randint(0, ${D}, (T, ${B})).masked_fill(torch.arange(T)[:, None] >= lengths, -100)`,
        `loss = F.cross_entropy(fc(out).reshape(-1, ${O}), targets.reshape(-1), ignore_index=-100)`,
      );
    } else {
      lines.push(
        hN,
        `y = torch.randint(0, 2, (${B}, 1)).float()  # 1 = spam`,
        'loss = F.binary_cross_entropy_with_logits(fc(h_n), y)',
      );
    }
  }
  lines.push('', 'opt.zero_grad()', 'loss.backward()');
  if (clipNorm > 0) lines.push(`torch.nn.utils.clip_grad_norm_(params, max_norm=${pythonNumber(clipNorm)})`);
  lines.push('opt.step()', 'print(f"loss {loss.item():.4f}")');
  return lines.join('\n');
}

/** The ≤ 5-line snippet that loads an exported file into torch.nn modules. */
export function loadSnippet(kind: string, fileName: string): string {
  return [
    `import json, torch; torch.set_default_dtype(torch.float64)`,
    `d = json.load(open(${JSON.stringify(fileName)})); m = d["metadata"]; sd = {k: torch.tensor(v) for k, v in d["state_dict"].items()}`,
    `rnn = torch.nn.${kind}(m["input_size"], m["hidden_size"]); fc = torch.nn.Linear(m["hidden_size"], m["output_size"])`,
    `rnn.load_state_dict({k: v for k, v in sd.items() if not k.startswith("fc.")})`,
    `fc.load_state_dict({k[3:]: v for k, v in sd.items() if k.startswith("fc.")})`,
  ].join('\n');
}
