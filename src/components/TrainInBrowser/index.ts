/** The "Train in your browser" chapter's widgets, for content/docs/train-in-browser.mdx. */
export { default as Trainer } from './Trainer.astro';
export { default as Race } from './Race.astro';
