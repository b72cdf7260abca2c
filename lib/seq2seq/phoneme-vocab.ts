/**
 * The G2P model's vocabulary (public/models/g2p/vocab.json): letter ids for the encoder,
 * phoneme ids for the decoder, and the names chapter 11 needs to find the encoder's weights.
 */

/** The parsed vocab.json of the G2P model. */
export interface G2PVocab {
  /** Letter symbols by id; id 0 is padding, never fed to the exported encoder. */
  readonly letters: readonly string[];
  /** Phoneme symbols by id: padding, BOS, EOS, then the 39 ARPAbet phonemes. */
  readonly phonemes: readonly string[];
  /** Id of the begin-of-sequence token fed at the first decoder step. */
  readonly bos: number;
  /** Id of the end-of-sequence token that finishes a pronunciation. */
  readonly eos: number;
  /** Names inside encoder.onnx: the letter embedding initializer and the BiLSTM node. */
  readonly encoder: { readonly embedding: string; readonly lstm: string };
  /** Trainable parameters of the whole model (encoder and decoder). */
  readonly params: number;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Check a parsed vocab.json and return it typed; throws a descriptive Error if it is malformed. */
export function parseVocab(json: unknown): G2PVocab {
  const v = json as Partial<G2PVocab> | null;
  const ok =
    v !== null &&
    typeof v === 'object' &&
    isStringArray(v.letters) &&
    isStringArray(v.phonemes) &&
    Number.isInteger(v.bos) &&
    Number.isInteger(v.eos) &&
    typeof v.encoder?.embedding === 'string' &&
    typeof v.encoder?.lstm === 'string' &&
    typeof v.params === 'number';
  if (!ok) throw new Error('vocab.json is not a G2P vocabulary (letters, phonemes, bos, eos, encoder, params)');
  const { bos, eos, phonemes } = v as G2PVocab;
  if (bos < 0 || bos >= phonemes.length || eos < 0 || eos >= phonemes.length) {
    throw new Error('vocab.json: bos/eos are not phoneme ids');
  }
  return v as G2PVocab;
}

/** Letter ids of a normalised spelling; throws if a letter is missing from the vocabulary. */
export function letterIds(vocab: G2PVocab, word: string): number[] {
  return Array.from(word, (letter) => {
    const id = vocab.letters.indexOf(letter);
    if (id <= 0) throw new Error(`letter ${JSON.stringify(letter)} is not in the G2P vocabulary`);
    return id;
  });
}

/** ARPAbet symbols of phoneme ids. */
export function phonemeSymbols(vocab: G2PVocab, ids: readonly number[]): string[] {
  return ids.map((id) => vocab.phonemes[id] ?? '?');
}

/** Phoneme ids of ARPAbet symbols (stress digits are ignored: "AH0" reads as "AH"). */
export function phonemeIds(vocab: G2PVocab, symbols: readonly string[]): number[] {
  return symbols.map((symbol) => {
    const id = vocab.phonemes.indexOf(symbol.replace(/\d/g, '').toUpperCase());
    if (id < 0) throw new Error(`phoneme ${JSON.stringify(symbol)} is not in the G2P vocabulary`);
    return id;
  });
}
