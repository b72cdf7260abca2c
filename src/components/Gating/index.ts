/** Chapter 9's widgets (content/docs/gating.mdx): the gate explorer, gradient paths, the trained task, LSTM against GRU. */
export { default as GateExplorer } from './GateExplorer.astro';
export { default as GradientPaths } from './GradientPaths.astro';
export { default as TaskTrainer } from './TaskTrainer.astro';
export { default as SpeedCompare } from './SpeedCompare.astro';
