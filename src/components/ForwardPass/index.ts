/** The forward-pass chapter's widgets, for content/docs/forward-pass.mdx. */
export { default as StepThrough } from './StepThrough.astro';
export { default as ShapeExplorer } from './ShapeExplorer.astro';
export { default as Layouts } from './Layouts.astro';
export { default as ShapeExercise } from './ShapeExercise.astro';
export { default as BidirectionalSlices } from './BidirectionalSlices.astro';
