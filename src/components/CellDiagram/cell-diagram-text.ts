/**
 * Every string the cell diagram shows, in English and Simplified Chinese (terms from docs/zh-glossary.md).
 * Both tables have the type `CellDiagramText`, so a key missing from either is a type error.
 */
import type { GruResetPlacement } from '../../../lib/nn/gru-reset.ts';
import type { Locale } from '../../kit/locale.ts';
import type { GruWire, LstmWire } from './cell-values.ts';

/** The diagram's strings for one language. */
export interface CellDiagramText {
  /** The figure's caption. */
  readonly caption: (kind: string, step: number, word: string) => string;
  /** The caption when there are no words to read. */
  readonly captionEmpty: (kind: string) => string;
  /** The SVG's own name, for screen readers. */
  readonly svgLabel: (kind: string) => string;
  /** How to use the diagram. */
  readonly hint: string;
  /** Names of the LSTM's wires. */
  readonly lstm: Readonly<Record<LstmWire, string>>;
  /** Names of the GRU's wires; 'mid' and 'hn' depend on the form. */
  readonly gru: Readonly<Record<Exclude<GruWire, 'mid' | 'hn'>, string>>;
  /** The GRU's middle wire of the candidate chain, by form. */
  readonly gruMid: Readonly<Record<GruResetPlacement, string>>;
  /** The GRU's state share of the candidate, by form. */
  readonly gruHn: Readonly<Record<GruResetPlacement, string>>;
  /** The two GRU forms, as the comparison table names them ($…$ is typeset). */
  readonly form: Readonly<Record<GruResetPlacement, string>>;
  /** The comparison table's caption ($…$ is typeset). */
  readonly formsCaption: (step: number) => string;
  /** The comparison table's name as a screen reader reads it. */
  readonly formsRegion: string;
  /** The difference row's header. */
  readonly difference: string;
  /** Which form the diagram draws now ($…$ is typeset). */
  readonly drawn: (form: string) => string;
  /** The summary of the list of every wire. */
  readonly listSummary: string;
  /** Header of the list's columns. */
  readonly listWire: string;
  readonly listEquation: string;
  readonly listValues: string;
  /** A wire's name and values, as a screen reader reads it. */
  readonly wireLabel: (name: string, values: string) => string;
  /** The vector's length, under the formula. */
  readonly entries: (count: number) => string;
}

const en: CellDiagramText = {
  caption: (kind, step, word) => `The ${kind} cell at step ${step}, the word “${word}”`,
  captionEmpty: (kind) => `The ${kind} cell (type a sentence above to see its numbers)`,
  svgLabel: (kind) => `Data-flow diagram of the ${kind} cell`,
  hint: 'Point at a wire or box, or reach it with Tab: its vector and the equation it comes from appear below. The strip on each wire shades its numbers (gates from background at 0 to orange at 1; other values blue below zero, orange above).',
  lstm: {
    cPrev: 'previous cell state', hPrev: 'previous hidden state', x: 'input vector', hx: 'previous state and input, side by side',
    f: 'forget gate', i: 'input gate', g: 'candidate', o: 'output gate', keep: 'memory kept', write: 'memory written',
    c: 'new cell state', tanhC: 'squashed cell state', h: 'new hidden state',
  },
  gru: {
    hPrev: 'previous hidden state', x: 'input vector', hx: 'previous state and input, side by side', r: 'reset gate', z: 'update gate',
    xn: "the input's share of the candidate", preN: 'candidate before tanh', n: 'candidate', oneMinusZ: 'one minus the update gate',
    keep: 'old state kept', write: 'candidate written', h: 'new hidden state',
  },
  gruMid: { after: 'previous state times W_hn, plus b_hn', before: 'previous state, reset' },
  gruHn: { after: 'the state’s share, reset after the product', before: 'the state’s share, reset before the product' },
  form: { after: 'PyTorch: $r_t$ after $W_{hn}$', before: 'Cho et al. 2014: $r_t$ before $W_{hn}$' },
  formsCaption: (step) => `$h_t$ at step ${step} under both forms, from the same $h_{t-1}$ and the same weights`,
  formsRegion: 'The new hidden state under both GRU forms',
  difference: 'Cho − PyTorch',
  drawn: (form) => `Drawn: ${form}.`,
  listSummary: 'Every wire and its numbers',
  listWire: 'Wire',
  listEquation: 'Equation',
  listValues: 'Values, one per unit',
  wireLabel: (name, values) => `${name}: ${values}`,
  entries: (count) => `${count} numbers`,
};

const zh: CellDiagramText = {
  caption: (kind, step, word) => `第 ${step} 步（词“${word}”）的 ${kind} 单元`,
  captionEmpty: (kind) => `${kind} 单元（在上方输入句子即可看到数值）`,
  svgLabel: (kind) => `${kind} 单元的数据流图`,
  hint: '把指针移到一条连线或一个方框上，或用 Tab 键到达它：下方会显示它的向量和它所来自的公式。每条连线上的色条表示它的数值（门从背景色 0 到橙色 1；其他量小于零为蓝色，大于零为橙色）。',
  lstm: {
    cPrev: '上一步的细胞状态', hPrev: '上一步的隐藏状态', x: '输入向量', hx: '上一步的状态与输入并排',
    f: '遗忘门', i: '输入门', g: '候选状态', o: '输出门', keep: '保留的记忆', write: '写入的记忆',
    c: '新的细胞状态', tanhC: '压缩后的细胞状态', h: '新的隐藏状态',
  },
  gru: {
    hPrev: '上一步的隐藏状态', x: '输入向量', hx: '上一步的状态与输入并排', r: '重置门', z: '更新门',
    xn: '候选状态中来自输入的部分', preN: 'tanh 之前的候选状态', n: '候选状态', oneMinusZ: '1 减更新门',
    keep: '保留的旧状态', write: '写入的候选状态', h: '新的隐藏状态',
  },
  gruMid: { after: '上一步状态乘以 W_hn 再加 b_hn', before: '被重置后的上一步状态' },
  gruHn: { after: '来自状态的部分，在矩阵乘积之后重置', before: '来自状态的部分，在矩阵乘积之前重置' },
  form: { after: 'PyTorch：$r_t$ 在 $W_{hn}$ 之后', before: 'Cho 等人（2014）：$r_t$ 在 $W_{hn}$ 之前' },
  formsCaption: (step) => `两种形式下第 ${step} 步的 $h_t$，来自同一个 $h_{t-1}$ 和同一组权重`,
  formsRegion: '两种 GRU 形式下的新隐藏状态',
  difference: 'Cho − PyTorch',
  drawn: (form) => `图中画的是：${form}。`,
  listSummary: '每条连线及其数值',
  listWire: '连线',
  listEquation: '公式',
  listValues: '数值（每个单元一个）',
  wireLabel: (name, values) => `${name}：${values}`,
  entries: (count) => `${count} 个数`,
};

/** The diagram's strings, English and Simplified Chinese. */
export const CELL_DIAGRAM_TEXT: Readonly<Record<Locale, CellDiagramText>> = { en, 'zh-CN': zh };
