/** Chapter 11's widgets (content/docs/pronounce.mdx): the word's phonemes, attention, beam search, the encoder's gates, live latency. */
export { default as PronounceWord } from './PronounceWord.astro';
