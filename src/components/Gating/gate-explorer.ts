/**
 * The gate explorer's numbers: a seeded nn.LSTM or nn.GRU from lib/ reads the reader's words (each a seeded
 * embedding, as in chapter 1) and every gate at every step is read from lib's step caches.
 *
 *   LSTM: i_t, f_t, g_t, o_t from [x_t, h_{t−1}];  c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t;  h_t = o_t ⊙ tanh(c_t)
 *   GRU:  r_t, z_t;  n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t−1} + b_hn));  h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}
 */
import { createRandom } from '../../../lib/random.ts';
import { createRecurrent, type Recurrent } from '../../../lib/nn/recurrent.ts';
import { recurrentForward, stepCaches } from '../../../lib/nn/sequence.ts';
import type { LstmCache } from '../../../lib/nn/lstm.ts';
import type { GruCache } from '../../../lib/nn/gru.ts';
import { fromData, type FloatArray } from '../../../lib/tensor.ts';
import { embedWord, roundTo } from '../UnrolledRnn/embedding.ts';
import { tokenize } from '../UnrolledRnn/tokens.ts';
import { setRememberBias } from './remember-bias.ts';

/** Numbers per word vector, D_in. */
export const EXPLORER_INPUT_SIZE = 4;

/** Weights are rounded to this many decimals, so the PyTorch block can carry them exactly. */
export const EXPLORER_WEIGHT_DECIMALS = 4;

/** The gated cells the explorer runs. */
export type GatedKind = 'LSTM' | 'GRU';

/** What the explorer reads: the page's values, already checked by the kit. */
export interface ExplorerSettings {
  readonly text: string;
  readonly kind: GatedKind;
  readonly seed: number;
  readonly hiddenSize: number;
  /** Total bias of the remembering gate (LSTM f, GRU z). */
  readonly rememberBias: number;
}

/** One quantity over the whole sentence: rows = units, columns = steps. */
export interface GatePanel {
  /** Short key, e.g. "f" or "c". */
  readonly key: string;
  /** Its symbol as TeX, e.g. "f_t". */
  readonly tex: string;
  /** What it is, in words. */
  readonly name: string;
  /** 'gate' for values in (0, 1); 'signed' for values around zero. */
  readonly range: 'gate' | 'signed';
  /** values[unit][step]. */
  readonly values: number[][];
}

/** Everything the widget draws. */
export interface ExplorerView {
  readonly kind: GatedKind;
  /** The words read, one per step. */
  readonly words: readonly string[];
  /** A message about the text (empty, cut), or null. */
  readonly textMessage: string | null;
  /** One panel per quantity, in the order of the equations. */
  readonly panels: readonly GatePanel[];
  /** x_t of every step, [T][D]. */
  readonly inputs: readonly (readonly number[])[];
  /** The model run, with the rounded weights the PyTorch block copies. */
  readonly model: Recurrent | null;
}

/** The seeded gated model: PyTorch's default init drawn from the seed, the remember bias set, then rounded. */
export function createExplorerModel(kind: GatedKind, hiddenSize: number, seed: number, rememberBias: number): Recurrent {
  const model = createRecurrent(kind, { inputSize: EXPLORER_INPUT_SIZE, hiddenSize, random: createRandom(seed) });
  setRememberBias(model, rememberBias);
  for (const parameter of model.parameters) {
    for (let i = 0; i < parameter.value.length; i++) parameter.value[i] = roundTo(parameter.value[i]!, EXPLORER_WEIGHT_DECIMALS);
  }
  return model;
}

/** Per-step arrays [B=1, H] → values[unit][step]. */
function unitsBySteps(perStep: readonly FloatArray[], hiddenSize: number): number[][] {
  return Array.from({ length: hiddenSize }, (_, unit) => perStep.map((values) => values[unit]!));
}

function lstmPanels(caches: readonly LstmCache[], H: number): GatePanel[] {
  return [
    { key: 'i', tex: 'i_t', name: 'input gate', range: 'gate', values: unitsBySteps(caches.map((c) => c.inputGate), H) },
    { key: 'f', tex: 'f_t', name: 'forget gate', range: 'gate', values: unitsBySteps(caches.map((c) => c.forgetGate), H) },
    { key: 'g', tex: 'g_t', name: 'candidate', range: 'signed', values: unitsBySteps(caches.map((c) => c.candidate), H) },
    { key: 'o', tex: 'o_t', name: 'output gate', range: 'gate', values: unitsBySteps(caches.map((c) => c.outputGate), H) },
    { key: 'c', tex: 'c_t', name: 'cell state', range: 'signed', values: unitsBySteps(caches.map((c) => c.c), H) },
    { key: 'h', tex: 'h_t', name: 'hidden state', range: 'signed', values: unitsBySteps(caches.map((c) => c.h), H) },
  ];
}

function gruPanels(caches: readonly GruCache[], H: number): GatePanel[] {
  return [
    { key: 'r', tex: 'r_t', name: 'reset gate', range: 'gate', values: unitsBySteps(caches.map((c) => c.resetGate), H) },
    { key: 'z', tex: 'z_t', name: 'update gate', range: 'gate', values: unitsBySteps(caches.map((c) => c.updateGate), H) },
    { key: 'n', tex: 'n_t', name: 'candidate', range: 'signed', values: unitsBySteps(caches.map((c) => c.candidate), H) },
    { key: 'h', tex: 'h_t', name: 'hidden state', range: 'signed', values: unitsBySteps(caches.map((c) => c.h), H) },
  ];
}

/** Run the explorer: words → embeddings → lib's recurrentForward → every gate at every step (the step slider only moves an outline). */
export function exploreGates(settings: ExplorerSettings): ExplorerView {
  const { kind, seed, hiddenSize: H } = settings;
  const tokenized = tokenize(settings.text);
  const words = tokenized.tokens;
  if (words.length === 0) {
    return { kind, words, textMessage: tokenized.message, panels: [], inputs: [], model: null };
  }
  const T = words.length;
  const inputs = words.map((word) => embedWord(word, EXPLORER_INPUT_SIZE, seed));
  const model = createExplorerModel(kind, H, seed, settings.rememberBias);
  const result = recurrentForward(model, fromData(Float64Array.from(inputs.flat()), [T, 1, EXPLORER_INPUT_SIZE]));
  const caches = stepCaches(result);
  const panels = kind === 'LSTM' ? lstmPanels(caches as readonly LstmCache[], H) : gruPanels(caches as readonly GruCache[], H);
  return { kind, words, textMessage: tokenized.message, panels, inputs, model };
}

/** The step to outline: the requested one within [1, T] (0 without words), and a message when it lay past the end. */
export function stepShown(view: ExplorerView, requested: number): { step: number; message: string | null } {
  const T = view.words.length;
  if (T === 0) return { step: 0, message: null };
  const step = Math.min(Math.max(1, Math.round(requested)), T);
  const message = requested > T ? `The sentence has ${T} word${T === 1 ? '' : 's'}, so step ${T} is shown instead of step ${requested}.` : null;
  return { step, message };
}
