/** The remedies chapter's widgets, for content/docs/remedies.mdx. */
export { default as ClipLab } from './ClipLab.astro';
export { default as ClipPyTorch } from './ClipPyTorch.astro';
export { default as TruncationWindows } from './TruncationWindows.astro';
export { default as InitCompare } from './InitCompare.astro';
