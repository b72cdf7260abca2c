/** The weight-shapes drawing, for content/docs/parameters.mdx. */
export { default as WeightShapes } from './WeightShapes.astro';
