/** The training chapter's widgets, for content/docs/training.mdx. */
export { default as SequenceLoss } from './SequenceLoss.astro';
export { default as TrainingStep } from './TrainingStep.astro';
export { default as Generation } from './Generation.astro';
export { default as TrainingCode } from './TrainingCode.astro';
