/**
 * Trained weights as a PyTorch-style state dict in JSON, and reading such a file back.
 *
 *   { "format": "unrolled-state-dict", "version": 1,
 *     "metadata": { "kind": "LSTM", "input_size": 28, "hidden_size": 32, "output_size": 28, "task": "names", … },
 *     "state_dict": { "weight_ih_l0": [[…]], "weight_hh_l0": …, "bias_ih_l0": …, "bias_hh_l0": …,
 *                     "fc.weight": [[…]], "fc.bias": […] } }
 *
 * The recurrent keys are nn.LSTM's (nn.RNN's, nn.GRU's) own; the head's carry the prefix "fc.", as
 * an nn.Linear attribute named fc would. Values are nested lists, as torch's .tolist() writes them.
 * Reading checks the format, every key and every shape against the model it loads into, and names
 * what is wrong; nothing is loaded unless everything fits.
 */
import type { CellKind } from '../count.ts';
import type { Linear } from '../nn/linear.ts';
import { loadStateDict, stateDict, type Recurrent } from '../nn/recurrent.ts';
import { fromNested, toNested, type NestedNumbers, type Tensor } from '../tensor.ts';

/** The format tag every exported file carries. */
export const STATE_DICT_FORMAT = 'unrolled-state-dict';
/** The head's key prefix. */
export const HEAD_PREFIX = 'fc.';

/** What a file says about the model it holds. */
export interface StateDictMetadata {
  readonly kind: CellKind;
  readonly input_size: number;
  readonly hidden_size: number;
  readonly output_size: number;
  /** The task it was trained on ("names", "stocks", "spam"). */
  readonly task: string;
  /** "every-step" or "last-step": where the head reads. */
  readonly readout: string;
  /** The input symbols by index (characters or words), when the input is one-hot. */
  readonly vocabulary?: readonly string[];
  /** Anything else worth keeping (a stock task's scaler, a window length). */
  readonly extra?: Readonly<Record<string, number | string>>;
}

/** An exported file's content. */
export interface StateDictJson {
  readonly format: typeof STATE_DICT_FORMAT;
  readonly version: 1;
  readonly metadata: StateDictMetadata;
  readonly state_dict: Readonly<Record<string, NestedNumbers>>;
}

/** The model's weights and metadata as a JSON-ready object. */
export function exportStateDict(model: Recurrent, head: Linear, about: Omit<StateDictMetadata, 'kind' | 'input_size' | 'hidden_size' | 'output_size'>): StateDictJson {
  const entries: Record<string, NestedNumbers> = {};
  for (const [key, tensor] of Object.entries(stateDict(model))) entries[key] = toNested(tensor);
  entries[`${HEAD_PREFIX}weight`] = toNested({ shape: head.weight.shape, data: head.weight.value });
  if (head.bias) entries[`${HEAD_PREFIX}bias`] = toNested({ shape: head.bias.shape, data: head.bias.value });
  const { kind, inputSize, hiddenSize } = model.config;
  return {
    format: STATE_DICT_FORMAT,
    version: 1,
    metadata: { kind, input_size: inputSize, hidden_size: hiddenSize, output_size: head.outFeatures, ...about },
    state_dict: entries,
  };
}

/** The outcome of reading a file: loaded, or the problem in words. */
export type ImportResult = { readonly ok: true; readonly metadata: StateDictMetadata } | { readonly ok: false; readonly message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parse a file's text and load it into the model and head, or say what is wrong (nothing changes then). */
export function importStateDict(text: string, model: Recurrent, head: Linear): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The file is not JSON.' };
  }
  if (!isRecord(parsed) || parsed.format !== STATE_DICT_FORMAT) return { ok: false, message: `The file is JSON but not a state dict from this page (no "format": "${STATE_DICT_FORMAT}").` };
  if (parsed.version !== 1) return { ok: false, message: `The file has version ${String(parsed.version)}; this page reads version 1.` };
  const metadata = parsed.metadata;
  const entries = parsed.state_dict;
  if (!isRecord(metadata) || !isRecord(entries)) return { ok: false, message: 'The file lacks its "metadata" or "state_dict" object.' };
  const { kind, inputSize, hiddenSize } = model.config;
  if (metadata.kind !== kind) return { ok: false, message: `The file holds a ${String(metadata.kind)}; the page's model is an ${kind}. Choose ${String(metadata.kind)} and reset first.` };
  if (metadata.hidden_size !== hiddenSize) return { ok: false, message: `The file's hidden size is ${String(metadata.hidden_size)}; the page's is ${hiddenSize}. Set it to ${String(metadata.hidden_size)} and reset first.` };
  if (metadata.input_size !== inputSize || metadata.output_size !== head.outFeatures) {
    return { ok: false, message: `The file's model reads ${String(metadata.input_size)} inputs and writes ${String(metadata.output_size)} outputs; this task needs ${inputSize} and ${head.outFeatures}. Was it trained on another task?` };
  }
  const recurrentPart: Record<string, NestedNumbers> = {};
  const headPart: Record<string, Tensor> = {};
  try {
    for (const [key, value] of Object.entries(entries)) {
      if (key.startsWith(HEAD_PREFIX)) headPart[key.slice(HEAD_PREFIX.length)] = fromNested(value as NestedNumbers, model.config.dtype, key);
      else recurrentPart[key] = value as NestedNumbers;
    }
    const headKeys = head.bias ? ['weight', 'bias'] : ['weight'];
    const extra = Object.keys(headPart).filter((key) => !headKeys.includes(key));
    if (extra.length > 0) return { ok: false, message: `Unexpected key(s) in state dict: ${extra.map((k) => HEAD_PREFIX + k).join(', ')}.` };
    const missing = headKeys.filter((key) => !(key in headPart));
    if (missing.length > 0) return { ok: false, message: `Missing key(s) in state dict: ${missing.map((k) => HEAD_PREFIX + k).join(', ')}.` };
    const checks: [string, Tensor, readonly number[]][] = [[`${HEAD_PREFIX}weight`, headPart.weight!, head.weight.shape]];
    if (head.bias) checks.push([`${HEAD_PREFIX}bias`, headPart.bias!, head.bias.shape]);
    for (const [key, tensor, shape] of checks) {
      if (tensor.shape.join(',') !== shape.join(',')) return { ok: false, message: `${key} has shape [${tensor.shape.join(', ')}], expected [${shape.join(', ')}].` };
      if (!tensor.data.every(Number.isFinite)) return { ok: false, message: `${key} holds a non-finite value.` };
    }
    // loadStateDict checks the recurrent keys and shapes before copying anything.
    loadStateDict(model, recurrentPart);
    head.weight.value.set(headPart.weight!.data);
    if (head.bias) head.bias.value.set(headPart.bias!.data);
  } catch (error) {
    return { ok: false, message: `${error instanceof Error ? error.message : String(error)}.` };
  }
  return { ok: true, metadata: metadata as unknown as StateDictMetadata };
}
