/** The G2P model's files, as listed in public/models/manifest.json, and its vocabulary file's shape. */

/** The encoder, the one-step decoder and the vocabulary, relative to the models folder. */
export const G2P_FILES = { encoder: 'g2p/encoder.onnx', decoder: 'g2p/decoder-step.onnx', vocab: 'g2p/vocab.json' } as const;

/** public/models/g2p/vocab.json: the ids of letters and phonemes, the special symbols, and where the encoder's weights are. */
export interface G2pVocab {
  readonly letters: readonly string[];
  readonly phonemes: readonly string[];
  readonly bos: number;
  readonly eos: number;
  readonly encoder: { readonly embedding: string; readonly lstm: string };
  readonly params: number;
}

/** Parses vocab.json's bytes, or throws an Error whose message says what is missing. */
export function parseVocab(bytes: Uint8Array): G2pVocab {
  const json = JSON.parse(new TextDecoder().decode(bytes)) as Partial<G2pVocab>;
  const ok =
    Array.isArray(json.letters) && Array.isArray(json.phonemes) && Number.isInteger(json.bos) && Number.isInteger(json.eos) &&
    typeof json.encoder?.embedding === 'string' && typeof json.encoder?.lstm === 'string';
  if (!ok) throw new Error('g2p/vocab.json lacks letters, phonemes, bos, eos or the encoder names: the model files do not match this page.');
  return json as G2pVocab;
}

/** The letters the model reads, for the word check (special symbols such as "<pad>" left out). */
export function alphabetOf(vocab: G2pVocab): Set<string> {
  return new Set(vocab.letters.filter((letter) => Array.from(letter).length === 1));
}
