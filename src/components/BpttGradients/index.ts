/** The BPTT chapter's widgets, for content/docs/bptt.mdx. */
export { default as GradientMap } from './GradientMap.astro';
export { default as EigenPlane } from './EigenPlane.astro';
export { default as TinyRnn } from './TinyRnn.astro';
export { default as RhoSlider } from './RhoSlider.astro';
export { default as GradientCode } from './GradientCode.astro';
