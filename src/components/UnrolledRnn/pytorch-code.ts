/**
 * The "same in PyTorch" block: nn.Embedding + nn.RNN over the reader's sentence, with the widget's sizes,
 * and the widget's own (rounded) numbers copied in, so running it prints the h_t the widget shows.
 */
import { cellParams, parameterCount, type Recurrent } from '../../../lib/nn/recurrent.ts';
import { embedWord } from './embedding.ts';
import { toMatrix, type RnnSetup } from './unrolled-rnn.ts';
import { vocabulary } from './tokens.ts';

/** A word as a Python string literal (words are letters, digits and apostrophes; escaped anyway). */
export function pythonString(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

function pythonList(values: readonly number[]): string {
  return `[${values.map((v) => String(v)).join(', ')}]`;
}

function pythonMatrix(rows: readonly (readonly number[])[], indent: string, comments?: readonly string[]): string {
  const lines = rows.map((row, i) => `${indent}    ${pythonList(row)},${comments ? `  # ${comments[i]}` : ''}`);
  return `[\n${lines.join('\n')}\n${indent}]`;
}

/** The PyTorch program for these words, sizes, seed and model; `step` is the 1-based step the widget shows. */
export function pytorchCode(words: readonly string[], setup: RnnSetup, model: Recurrent, step: number): string {
  if (words.length === 0) return '# No words to read yet: type a sentence in the widget above.';
  const { inputSize: D, hiddenSize: H, seed } = setup;
  const vocab = vocabulary(words);
  const p = cellParams(model, 0, 0);
  const wordList = `[${words.map(pythonString).join(', ')}]`;
  const embeddings = vocab.map((word) => embedWord(word, D, seed));
  const t = Math.min(Math.max(1, step), words.length);
  return [
    'import torch',
    'from torch import nn',
    '',
    'torch.set_default_dtype(torch.float64)  # the widget computes in float64 too',
    '',
    '# The sentence as the widget splits it: lower-case words, punctuation and emoji dropped.',
    `words = ${wordList}`,
    'vocab = list(dict.fromkeys(words))  # each distinct word once, in order of appearance',
    `ids = torch.tensor([vocab.index(w) for w in words])  # [T] = [${words.length}]`,
    '',
    `embedding = nn.Embedding(len(vocab), ${D})  # the lookup table: one x_t of ${D} numbers per word`,
    `rnn = nn.RNN(input_size=${D}, hidden_size=${H})  # one W_xh (weight_ih_l0), one W_hh (weight_hh_l0)`,
    '',
    `# Copy in the widget's numbers (seed ${seed}), so PyTorch prints what the widget shows.`,
    "# Leave this block out and you get PyTorch's own random weights: other numbers, same shapes.",
    'with torch.no_grad():',
    `    embedding.weight.copy_(torch.tensor(${pythonMatrix(embeddings, '    ', vocab)}))`,
    `    rnn.weight_ih_l0.copy_(torch.tensor(${pythonMatrix(toMatrix(p.weightIh, H, D), '    ')}))`,
    `    rnn.weight_hh_l0.copy_(torch.tensor(${pythonMatrix(toMatrix(p.weightHh, H, H), '    ')}))`,
    `    rnn.bias_ih_l0.copy_(torch.tensor(${pythonList(Array.from(p.biasIh ?? []))}))`,
    `    rnn.bias_hh_l0.copy_(torch.tensor(${pythonList(Array.from(p.biasHh ?? []))}))`,
    '',
    `x = embedding(ids).unsqueeze(1)  # [T, 1, ${D}]: T steps, a batch of one sentence`,
    `output, h_n = rnn(x)             # output[t - 1, 0] is h_t; output is [T, 1, ${H}]`,
    `print(output[${t - 1}, 0])  # h_${t}, after ${pythonString(words[t - 1]!)}: the step the widget shows`,
    `print(sum(p.numel() for p in rnn.parameters()))  # ${parameterCount(model)}, whatever the sentence's length`,
  ].join('\n');
}
