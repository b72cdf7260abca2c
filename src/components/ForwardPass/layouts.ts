/** The three ways to use an RNN's outputs, as columns of a diagram plus the PyTorch line for each. */

/** The options of the page variable layout. */
export type LayoutName = 'many-to-one' | 'many-to-many' | 'encoder-decoder';

/** One time step of the diagram: its input, its cell, and whether its output is used. */
export interface Column {
  /** Label of the input under the cell, e.g. "x₁" or "y₀". */
  readonly input: string;
  /** Label of the cell. */
  readonly cell: string;
  /** Label of the output above the cell, e.g. "y₁". */
  readonly output: string;
  /** Whether the task uses this step's output (ignored outputs are drawn faint). */
  readonly used: boolean;
  /** Which network the cell belongs to (encoder–decoder has two). */
  readonly part: 'rnn' | 'encoder' | 'decoder';
}

/** A layout: its columns, a sentence on when to use it, and the PyTorch lines. */
export interface Layout {
  readonly name: LayoutName;
  readonly columns: readonly Column[];
  readonly summary: string;
  readonly code: string;
}

const SUB = ['₀', '₁', '₂', '₃', '₄', '₅', '₆'];

/** Whether a page value names one of the layouts (anything else is read as many-to-one). */
export function maybeLayoutName(value: unknown): LayoutName {
  return value === 'many-to-many' || value === 'encoder-decoder' ? value : 'many-to-one';
}

/** The diagram and code for a layout. */
export function layoutFor(name: LayoutName): Layout {
  if (name === 'many-to-many') {
    return {
      name,
      columns: [1, 2, 3, 4].map((t) => ({ input: `x${SUB[t]}`, cell: `h${SUB[t]}`, output: `y${SUB[t]}`, used: true, part: 'rnn' as const })),
      summary: 'One output per input step, e.g. a tag for every word, or the next character at every position. The head runs on every row of output.',
      code: 'output, h_n = rnn(x)        # [B, T, H]\ny = head(output)             # [B, T, D_out]: one prediction per step',
    };
  }
  if (name === 'encoder-decoder') {
    const encoder = [1, 2, 3].map((t) => ({ input: `x${SUB[t]}`, cell: `h${SUB[t]}`, output: '', used: false, part: 'encoder' as const }));
    const decoder = [1, 2, 3].map((t) => ({ input: `y${SUB[t - 1]}`, cell: `s${SUB[t]}`, output: `y${SUB[t]}`, used: true, part: 'decoder' as const }));
    return {
      name,
      columns: [...encoder, ...decoder],
      summary:
        'An encoder reads the whole input; its last state starts a second RNN, the decoder, which writes an output of its own length, each step fed the previous output (y₀ is a start token). Translation is the classic case.',
      code: '_, h_n = encoder(x)          # read the whole input: h_n [1, B, H]\nout, _ = decoder(y_in, h_n)  # start the decoder from that summary\ny = head(out)                # [B, T_out, D_out]',
    };
  }
  return {
    name,
    columns: [1, 2, 3, 4].map((t) => ({ input: `x${SUB[t]}`, cell: `h${SUB[t]}`, output: `y${SUB[t]}`, used: t === 4, part: 'rnn' as const })),
    summary: 'One output for the whole sequence, e.g. the sentiment of a review or spam / not spam. Only the last step is used; the others are computed and ignored.',
    code: 'output, h_n = rnn(x)        # [B, T, H]\ny = head(output[:, -1])      # [B, D_out]: the last step only (same as head(h_n[-1]))',
  };
}
