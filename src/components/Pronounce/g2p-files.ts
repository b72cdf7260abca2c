/** The G2P model's files, as listed in public/models/manifest.json. */
import { parseVocab, type G2PVocab } from '../../../lib/seq2seq/phoneme-vocab.ts';

/** The encoder, the one-step decoder and the vocabulary, relative to the models folder. */
export const G2P_FILES = { encoder: 'g2p/encoder.onnx', decoder: 'g2p/decoder-step.onnx', vocab: 'g2p/vocab.json' } as const;

/** vocab.json's bytes as a checked vocabulary; throws an Error that says the files do not fit the page. */
export function vocabFromBytes(bytes: Uint8Array): G2PVocab {
  try {
    return parseVocab(JSON.parse(new TextDecoder().decode(bytes)));
  } catch (error) {
    throw new Error(`g2p/vocab.json does not match this page: ${error instanceof Error ? error.message : String(error)}`);
  }
}
