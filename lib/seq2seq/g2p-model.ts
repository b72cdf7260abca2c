/**
 * The G2P model over two ModelRunners (encoder.onnx and decoder-step.onnx), whatever runs
 * them. The encoder runs once per word; the decoder steps a batch of B hypotheses at a time
 * (B = live beams), with the encoder memory tiled B times.
 */
import type { ModelRunner, RunnerTensor } from '../onnx/runner.ts';
import type { G2PVocab } from './phoneme-vocab.ts';

/** What the encoder made of one word. */
export interface EncodedWord {
  /** Number of letters S. */
  readonly letters: number;
  /** Width of one memory row, 2E (forward half first). */
  readonly memoryWidth: number;
  /** BiLSTM outputs, [S, 2E] row-major. */
  readonly memory: Float32Array;
  /** Decoder hidden size H. */
  readonly hiddenSize: number;
  /** Initial decoder state from the bridge, [H] each. */
  readonly h0: Float32Array;
  readonly c0: Float32Array;
}

/** One decoder step for B hypotheses, all [B, ·] row-major. */
export interface DecoderStepOutput {
  /** Log-probabilities over the phoneme vocabulary, [B, V]. */
  readonly logProbs: Float32Array;
  /** Attention over the letters, [B, S]; each row sums to 1. */
  readonly attention: Float32Array;
  /** Next decoder state, [B, H] each. */
  readonly h: Float32Array;
  readonly c: Float32Array;
}

/** The encoder–decoder as the decoding algorithms see it. */
export interface Seq2SeqModel {
  readonly vocab: G2PVocab;
  /** Run the encoder on letter ids (no padding). */
  encode(letterIds: readonly number[]): Promise<EncodedWord>;
  /** Run one decoder step for B = tokens.length hypotheses with states h, c ([B, H] each). */
  step(word: EncodedWord, tokens: readonly number[], h: Float32Array, c: Float32Array): Promise<DecoderStepOutput>;
}

function float32Output(outputs: Record<string, RunnerTensor>, name: string): RunnerTensor & { data: Float32Array } {
  const tensor = outputs[name];
  if (!tensor || !(tensor.data instanceof Float32Array)) throw new Error(`model output ${name} is missing or not float32`);
  return tensor as RunnerTensor & { data: Float32Array };
}

/** The memory repeated `times` times along a new leading axis, [times, S, 2E]. */
function tile(memory: Float32Array, times: number): Float32Array {
  const tiled = new Float32Array(memory.length * times);
  for (let b = 0; b < times; b++) tiled.set(memory, b * memory.length);
  return tiled;
}

/** Wire the encoder and decoder-step runners into a Seq2SeqModel. */
export function createSeq2SeqModel(encoder: ModelRunner, decoderStep: ModelRunner, vocab: G2PVocab): Seq2SeqModel {
  let tiledFor: { word: EncodedWord; beams: number; memory: Float32Array } | undefined;

  async function encode(letterIds: readonly number[]): Promise<EncodedWord> {
    if (letterIds.length === 0) throw new Error('cannot encode an empty word');
    const outputs = await encoder.run({
      letters: { type: 'int64', data: BigInt64Array.from(letterIds, BigInt), dims: [1, letterIds.length] },
    });
    const memory = float32Output(outputs, 'memory');
    const h0 = float32Output(outputs, 'h0');
    const c0 = float32Output(outputs, 'c0');
    return {
      letters: letterIds.length,
      memoryWidth: memory.dims[2],
      memory: memory.data,
      hiddenSize: h0.dims[1],
      h0: h0.data,
      c0: c0.data,
    };
  }

  async function step(word: EncodedWord, tokens: readonly number[], h: Float32Array, c: Float32Array): Promise<DecoderStepOutput> {
    const beams = tokens.length;
    if (tiledFor?.word !== word || tiledFor.beams !== beams) {
      tiledFor = { word, beams, memory: tile(word.memory, beams) };
    }
    const outputs = await decoderStep.run({
      token: { type: 'int64', data: BigInt64Array.from(tokens, BigInt), dims: [beams] },
      h: { type: 'float32', data: h, dims: [beams, word.hiddenSize] },
      c: { type: 'float32', data: c, dims: [beams, word.hiddenSize] },
      memory: { type: 'float32', data: tiledFor.memory, dims: [beams, word.letters, word.memoryWidth] },
    });
    return {
      logProbs: float32Output(outputs, 'log_probs').data,
      attention: float32Output(outputs, 'attention').data,
      h: float32Output(outputs, 'h_out').data,
      c: float32Output(outputs, 'c_out').data,
    };
  }

  return { vocab, encode, step };
}

/** The longest decoding, in steps (EOS included), for a word of `letters` letters: 2·letters + 8. */
export function maxDecodeSteps(letters: number): number {
  return 2 * letters + 8;
}
