/** Chapter 11's widgets (content/docs/pronounce.mdx): the word's phonemes, attention, beam search, the encoder's gates, live latency. */
export { default as PronounceWord } from './PronounceWord.astro';
export { default as AttentionMap } from './AttentionMap.astro';
export { default as BeamSearch } from './BeamSearch.astro';
export { default as EncoderGates } from './EncoderGates.astro';
export { default as LatencyTable } from './LatencyTable.astro';
export { default as ModelCardFacts } from './ModelCardFacts.astro';
export { default as ModelCardComparison } from './ModelCardComparison.astro';
export { default as ModelCardSpeed } from './ModelCardSpeed.astro';
