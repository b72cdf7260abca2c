/**
 * The numbers on the cell diagram's wires: one step of the gate explorer's model (same sentence, seed, H and bias),
 * recomputed from that step's previous state with lib's step API (lstmStep, gruStepParts), so every intermediate
 * vector is lib's. The GRU runs in the form the reader picks, and h_t of both forms is kept side by side; both start
 * from the same h_{t−1}, the state PyTorch's form reached (the explorer's).
 */
import { cellParams } from '../../../lib/nn/recurrent.ts';
import { lstmStep } from '../../../lib/nn/lstm.ts';
import { gruStepParts, type GruResetPlacement } from '../../../lib/nn/gru-reset.ts';
import { exploreGates, stepShown, type ExplorerSettings, type ExplorerView, type GatedKind } from '../Gating/gate-explorer.ts';

/** The wires of the LSTM diagram, by key. */
export type LstmWire = 'cPrev' | 'hPrev' | 'x' | 'hx' | 'f' | 'i' | 'g' | 'o' | 'keep' | 'write' | 'c' | 'tanhC' | 'h';
/** The wires of the GRU diagram, by key ('mid' is W_hn h + b_hn after, r ⊙ h before). */
export type GruWire = 'hPrev' | 'x' | 'hx' | 'r' | 'z' | 'xn' | 'mid' | 'hn' | 'preN' | 'n' | 'oneMinusZ' | 'keep' | 'write' | 'h';
/** Any wire key. */
export type WireKey = LstmWire | GruWire;

/** Everything the diagram shows for one step. */
export interface DiagramValues {
  readonly kind: GatedKind;
  /** The step drawn (1-based), 0 without words. */
  readonly step: number;
  /** The word read at that step ('' without words). */
  readonly word: string;
  /** Where the GRU's reset gate acts (ignored for the LSTM). */
  readonly reset: GruResetPlacement;
  /** A message about the text or the step, or null. */
  readonly message: string | null;
  /** Each wire's vector (H numbers; H + D for the concatenation [h_{t−1}, x_t]). Empty without words. */
  readonly vectors: Readonly<Partial<Record<WireKey, readonly number[]>>>;
  /** GRU only: h_t from the same h_{t−1} under both forms. */
  readonly forms: { readonly after: readonly number[]; readonly before: readonly number[] } | null;
}

/** Elementwise product of two vectors of one length. */
export function times(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  return Array.from({ length: a.length }, (_, k) => a[k]! * b[k]!);
}

/** A panel's column at a 1-based step, or zeros at step 0 (the initial state). */
function stateBefore(view: ExplorerView, key: string, step: number, H: number): Float64Array {
  const panel = view.panels.find((p) => p.key === key)!;
  return Float64Array.from({ length: H }, (_, unit) => (step > 1 ? panel.values[unit]![step - 2]! : 0));
}

/** The diagram's numbers for the explorer's settings at a requested step, with the GRU's reset placed as asked. */
export function diagramValues(settings: ExplorerSettings, requestedStep: number, reset: GruResetPlacement): DiagramValues {
  const view = exploreGates(settings);
  const shown = stepShown(view, requestedStep);
  const message = view.textMessage ?? shown.message;
  const base = { kind: view.kind, step: shown.step, word: view.words[shown.step - 1] ?? '', reset, message };
  if (!view.model || shown.step === 0) return { ...base, vectors: {}, forms: null };
  const H = settings.hiddenSize;
  const p = cellParams(view.model, 0, 0);
  const xValues = view.inputs[shown.step - 1]!;
  const x = Float64Array.from(xValues);
  const hPrev = stateBefore(view, 'h', shown.step, H);
  const hx = [...hPrev, ...xValues];
  if (view.kind === 'LSTM') {
    const cPrev = stateBefore(view, 'c', shown.step, H);
    const { cache } = lstmStep(p, x, { h: hPrev, c: cPrev });
    const { forgetGate: f, inputGate: i, candidate: g, outputGate: o } = cache;
    const vectors: Record<LstmWire, readonly number[]> = {
      cPrev: [...cPrev], hPrev: [...hPrev], x: [...xValues], hx,
      f: [...f], i: [...i], g: [...g], o: [...o],
      keep: times(f, cPrev), write: times(i, g), c: [...cache.c], tanhC: [...cache.tanhC], h: [...cache.h],
    };
    return { ...base, vectors, forms: null };
  }
  const parts = gruStepParts(p, x, hPrev, reset);
  const other = gruStepParts(p, x, hPrev, reset === 'after' ? 'before' : 'after');
  const { resetGate: r, updateGate: z, candidate: n } = parts;
  const oneMinusZ = Array.from(z, (value) => 1 - value);
  const vectors: Record<GruWire, readonly number[]> = {
    hPrev: [...hPrev], x: [...xValues], hx, r: [...r], z: [...z],
    xn: [...parts.inputCandidate],
    mid: reset === 'after' ? [...parts.resetInput] : times(r, hPrev),
    hn: [...parts.hiddenCandidate],
    preN: Array.from(parts.inputCandidate, (value, k) => value + parts.hiddenCandidate[k]!),
    n: [...n], oneMinusZ, keep: times(z, hPrev), write: times(oneMinusZ, n), h: [...parts.h],
  };
  const forms = reset === 'after' ? { after: [...parts.h], before: [...other.h] } : { after: [...other.h], before: [...parts.h] };
  return { ...base, vectors, forms };
}
