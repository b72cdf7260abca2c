/** Chapter 1's widgets (content/docs/why-sequences.mdx): the unrolled RNN, the fixed-length contrast, the PyTorch mirror, an exercise. */
export { default as UnrolledRnn } from './UnrolledRnn.astro';
export { default as FixedLength } from './FixedLength.astro';
export { default as PyTorchMirror } from './PyTorchMirror.astro';
export { default as FeedForwardExercise } from './FeedForwardExercise.astro';
