/** The G2P model as chapter 11's widgets use it: two runners, lib/seq2seq's model over them, the vocabulary and the encoder's bytes. */
import type { ModelRunner } from '../../../lib/onnx/runner.ts';
import type { RuntimeInfo } from '../../../lib/onnx/runtime.ts';
import { createSeq2SeqModel, type Seq2SeqModel } from '../../../lib/seq2seq/g2p-model.ts';
import type { G2PVocab } from '../../../lib/seq2seq/phoneme-vocab.ts';
import { vocabFromBytes } from './g2p-files.ts';

/** The loaded model: its two runners (and lib/seq2seq's model over them), the vocabulary, the encoder's bytes (for the core's replay), and what runs it. */
export interface G2pModel {
  readonly encoder: ModelRunner;
  readonly decoder: ModelRunner;
  readonly seq2seq: Seq2SeqModel;
  readonly vocab: G2PVocab;
  readonly encoderBytes: Uint8Array;
  readonly info: RuntimeInfo;
}

/** The model from its runners and files (the page's session, or the tests' runners in Node); throws when vocab.json does not fit. */
export function g2pModelOf(encoder: ModelRunner, decoder: ModelRunner, vocabBytes: Uint8Array, encoderBytes: Uint8Array, info: RuntimeInfo): G2pModel {
  const vocab = vocabFromBytes(vocabBytes);
  return { encoder, decoder, seq2seq: createSeq2SeqModel(encoder, decoder, vocab), vocab, encoderBytes, info };
}
