/** The "From text to vectors" chapter's widgets, for content/docs/text-to-vectors.mdx. */
export { default as SentenceVectors } from './SentenceVectors.astro';
export { default as Bm25Ranking } from './Bm25Ranking.astro';
export { default as NgramGrowth } from './NgramGrowth.astro';
export { default as EmbeddingLookup } from './EmbeddingLookup.astro';
export { default as TextCode } from './TextCode.astro';
