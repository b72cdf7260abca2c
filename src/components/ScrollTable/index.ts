/** A Markdown table that scrolls inside its own focusable box on narrow screens, for content/docs/notation.mdx. */
export { default as ScrollTable } from './ScrollTable.astro';
