/** The widgets of chapter 5, "Why RNNs are serial" (content/docs/serial-vs-parallel.mdx). */
export { default as ScanRounds } from './ScanRounds.astro';
export { default as ScanCompare } from './ScanCompare.astro';
export { default as NonlinearGap } from './NonlinearGap.astro';
export { default as ScanPyTorch } from './ScanPyTorch.astro';
