/** The bidirectional-slices widget's strings, in English and Simplified Chinese. */
import { formatNumber } from '../../kit/format.ts';
import { pick, type Locale } from '../../kit/locale.ts';

/** Every string the widget shows; sentences that quote numbers are functions of them. */
export interface BidirectionalText {
  readonly caption: string;
  readonly outputLabel: string;
  readonly hNLabel: string;
  /** The change grid's caption, with the change at which a cell reaches full colour. */
  readonly changeLabel: (fullColour: number) => string;
  /** Under the change grid: how far the forward half of the earlier rows moved, and the backward half of row 0. */
  readonly changeNote: (lastRow: number, forward: number, backward: number) => string;
  readonly legend: string;
  readonly question: string;
  readonly whyFirstBackward: (difference: number) => string;
  readonly whyLastBackward: (difference: number) => string;
  readonly whyLastRow: (difference: number) => string;
  readonly whyLastForward: (difference: number) => string;
  readonly solution: string;
}

const n = formatNumber;

const en: BidirectionalText = {
  caption: 'nn.RNN(input_size=2, hidden_size=3, batch_first=True, bidirectional=True) on one sequence of 5 steps, so H = 3',
  outputLabel: 'output[0]: a row per step t, the forward half (→) then the backward half (←)',
  hNLabel: 'h_n[:, 0]: h_n[0] is the forward direction, h_n[1] the backward direction',
  changeLabel: (full) => `|change in output[0]| when only the last input x[:, -1] changes (+1 in each feature); a change of ${n(full)} or more shows in full colour, and only a cell that did not move at all stays blank`,
  changeNote: (lastRow, forward, backward) =>
    `The forward half of rows 0 to ${lastRow - 1} does not move (largest change ${n(forward)}): the forward direction has not read x[:, -1] yet. ` +
    `The backward half moves in every row, row 0 included (by up to ${n(backward)} there): at step 0 the backward direction has already read the last input.`,
  legend: 'The backward direction\'s summary of the whole sequence is',
  question: 'Which slice of output holds what the backward direction knows after reading the whole sequence? Pick one; the cells it takes are outlined in the grid.',
  whyFirstBackward: (d) => `The backward direction reads from the last step to the first and ends at t = 0, so its summary sits in the second half of row 0. It equals h_n[-1] (here h_n[1]); the largest difference is ${n(d)}.`,
  whyLastBackward: (d) => `At the last step the backward direction has only started: it has read x[:, -1] alone. Running the model on x[:, -1:] by itself gives the same numbers (largest difference ${n(d)}).`,
  whyLastRow: (d) => `output[:, -1] joins the forward direction's summary to a backward state that has read only the last input: a run on x[:, -1:] alone gives the same second half (largest difference ${n(d)}). That half summarises nothing.`,
  whyLastForward: (d) => `That is the forward direction's summary, equal to h_n[0] (largest difference ${n(d)}). The question asks for the backward direction's.`,
  solution: 'output[:, 0, H:], which is h_n[-1] for one layer. To give a classifier both summaries, join output[:, -1, :H] with output[:, 0, H:], or h_n[0] with h_n[1]; output[:, -1] alone is a common mistake.',
};

const zh: BidirectionalText = {
  caption: 'nn.RNN(input_size=2, hidden_size=3, batch_first=True, bidirectional=True) 读入一个 5 步的序列，所以 H = 3',
  outputLabel: 'output[0]：每个时间步 t 一行，先是前向的一半（→），再是反向的一半（←）',
  hNLabel: 'h_n[:, 0]：h_n[0] 是前向方向，h_n[1] 是反向方向',
  changeLabel: (full) => `只改变最后一个输入 x[:, -1]（每个特征加 1）时，output[0] 变化的绝对值；变化达到 ${n(full)} 及以上的显示为最深的颜色，只有完全没有变化的单元格保持空白`,
  changeNote: (lastRow, forward, backward) =>
    `第 0 到 ${lastRow - 1} 行的前向一半没有变化（最大变化 ${n(forward)}）：前向方向在那里还没有读到 x[:, -1]。` +
    `反向一半在每一行都变了，第 0 行也不例外（那里最多变化 ${n(backward)}）：在第 0 步，反向方向已经读过最后一个输入。`,
  legend: '反向方向对整个序列的总结是',
  question: 'output 的哪个切片保存着反向方向读完整个序列之后所知道的内容？选一个；它取的单元格会在网格中标出。',
  whyFirstBackward: (d) => `反向方向从最后一步读到第一步，在 t = 0 处结束，所以它的总结位于第 0 行的后一半。它等于 h_n[-1]（这里是 h_n[1]）；最大差值为 ${n(d)}。`,
  whyLastBackward: (d) => `在最后一步，反向方向才刚刚开始：它只读了 x[:, -1]。只用 x[:, -1:] 运行模型，得到的数完全相同（最大差值 ${n(d)}）。`,
  whyLastRow: (d) => `output[:, -1] 把前向方向的总结和一个只读了最后一个输入的反向状态拼在一起：只用 x[:, -1:] 运行，得到的后一半完全相同（最大差值 ${n(d)}）。这一半什么也没有总结。`,
  whyLastForward: (d) => `这是前向方向的总结，等于 h_n[0]（最大差值 ${n(d)}）。题目问的是反向方向的总结。`,
  solution: '是 output[:, 0, H:]，单层时它就是 h_n[-1]。若要把两个方向的总结都交给分类器，就把 output[:, -1, :H] 与 output[:, 0, H:] 拼接，或把 h_n[0] 与 h_n[1] 拼接；只取 output[:, -1] 是常见的错误。',
};

/** The widget's strings for a locale. */
export function bidirectionalText(locale: Locale): BidirectionalText {
  return pick({ en, 'zh-CN': zh }, locale);
}
