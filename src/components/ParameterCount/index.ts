/** The parameter calculator's widgets, for content/docs/parameters.mdx. */
export { default as ParameterTable } from './ParameterTable.astro';
export { default as ParameterPlot } from './ParameterPlot.astro';
export { default as CountExercise } from './CountExercise.astro';
export { default as PyTorchMirror } from './PyTorchMirror.astro';
