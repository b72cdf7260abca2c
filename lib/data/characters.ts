/**
 * A character vocabulary for names: one symbol per character seen, plus a boundary symbol "."
 * (index 0) that marks both the start and the end of a name. "ann" is encoded as . a n n .
 * so a model reads "." first and learns to emit "." when the name is over.
 */

/** The symbol that starts and ends every encoded name. */
export const BOUNDARY = '.';

/** Characters by index (index 0 is the boundary) and the index of each. */
export interface CharacterVocabulary {
  readonly symbols: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

/** The vocabulary of a list of texts: the boundary, then every character seen, sorted. */
export function characterVocabulary(texts: readonly string[]): CharacterVocabulary {
  const seen = new Set<string>();
  for (const text of texts) for (const character of text) seen.add(character);
  seen.delete(BOUNDARY);
  const symbols = [BOUNDARY, ...[...seen].sort()];
  return { symbols, index: new Map(symbols.map((symbol, i) => [symbol, i])) };
}

/** A vocabulary from its symbols as stored (index 0 must be the boundary); throws otherwise. */
export function vocabularyFromSymbols(symbols: readonly string[]): CharacterVocabulary {
  if (symbols[0] !== BOUNDARY) throw new RangeError(`a character vocabulary starts with "${BOUNDARY}", got "${String(symbols[0])}"`);
  if (new Set(symbols).size !== symbols.length) throw new RangeError('a character vocabulary lists each symbol once');
  return { symbols: [...symbols], index: new Map(symbols.map((symbol, i) => [symbol, i])) };
}

/** The ids of boundary + text + boundary; a character outside the vocabulary throws, naming it. */
export function encodeWithBoundaries(text: string, vocabulary: CharacterVocabulary): number[] {
  const ids = [0];
  for (const character of text) {
    const id = vocabulary.index.get(character);
    if (id === undefined || id === 0) throw new RangeError(`"${character}" in "${text}" is not in the vocabulary`);
    ids.push(id);
  }
  ids.push(0);
  return ids;
}
