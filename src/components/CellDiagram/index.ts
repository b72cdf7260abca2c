/** The LSTM and GRU cells as live data-flow diagrams (content/docs/gating.mdx). */
export { default as CellDiagram } from './CellDiagram.astro';
