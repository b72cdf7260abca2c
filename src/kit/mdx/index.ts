/** The notebook kit for MDX chapters: import what a page uses from here. See content/docs/authoring.mdx. */
export { default as Slider } from './Slider.astro';
export { default as NumberField } from './NumberField.astro';
export { default as Toggle } from './Toggle.astro';
export { default as Choice } from './Choice.astro';
export { default as Controls } from './Controls.astro';
export { default as LiveFormula } from './LiveFormula.astro';
export { default as FormulaCell } from './FormulaCell.astro';
export { default as Plot } from './Plot.astro';
export { default as Heatmap } from './Heatmap.astro';
export { default as Exercise } from './Exercise.astro';
export { default as TextField } from './TextField.astro';
export { default as PyTorchCode } from './PyTorchCode.astro';
