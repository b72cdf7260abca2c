/** The page variables the cell diagram reads (content/docs/gating.mdx), and where its GRU's reset gate acts. */
import type { GruResetPlacement } from '../../../lib/nn/gru-reset.ts';

/** Variables the diagram needs, with their kinds, so the .astro wrapper fails the build on a typo. */
export const DIAGRAM_VARIABLES = { text: 'text', cell: 'choice', step: 'number', seed: 'number', H: 'number', fb: 'choice', gru: 'choice' } as const;

/** The choice `gru` ('PyTorch' or 'Cho') as the reset gate's place; PyTorch's when missing. */
export function resetOf(values: Readonly<Record<string, unknown>>): GruResetPlacement {
  return values.gru === 'Cho' ? 'before' : 'after';
}
