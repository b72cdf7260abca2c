/**
 * Chapter 11's page variables, by their names in content/docs/pronounce.mdx, and how the widgets read them
 * (anything missing or of the wrong type falls back to the default).
 */

/** Variables each widget needs, with their kinds, so the .astro wrappers fail the build on a typo. */
export const WIDGET_VARIABLES = {
  PronounceWord: { word: 'text' },
  AttentionMap: { word: 'text' },
  BeamSearch: { word: 'text', beam: 'number' },
  EncoderGates: { word: 'text', letter: 'number' },
  LatencyTable: { word: 'text' },
} as const;

/** The word the chapter starts with. */
export const DEFAULT_WORD = 'pronounce';
/** The beam width the chapter starts with. */
export const DEFAULT_BEAM = 4;
/** The widest beam the slider offers. */
export const MAX_BEAM = 10;

type Values = Readonly<Record<string, unknown>>;

/** The word the reader typed (not yet checked). */
export function wordOf(values: Values): string {
  return typeof values.word === 'string' ? values.word : DEFAULT_WORD;
}

/** The beam width, a whole number from 1 to MAX_BEAM. */
export function beamWidthOf(values: Values): number {
  const value = values.beam;
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_BEAM;
  return Math.min(MAX_BEAM, Math.max(1, Math.round(value)));
}

/** The letter (1-based) the gate replay outlines. */
export function letterOf(values: Values): number {
  const value = values.letter;
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, Math.round(value)) : 1;
}
