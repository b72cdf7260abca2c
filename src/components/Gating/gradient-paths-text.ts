/** The gradient-paths widget's strings, in English and Simplified Chinese. */
import { pick, type Locale } from '../../kit/locale.ts';

/** Every string the widget shows; sentences that hold numbers or names are functions of them. */
export interface GradientPathsText {
  readonly caption: (steps: number, hiddenSize: number, seed: number, bias: number) => string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly ariaLabel: string;
  readonly ariaDescription: string;
  readonly legendNote: string;
  readonly tableLabel: string;
  readonly cellHeader: string;
  readonly ratioHeader: string;
  /** A table row's name: the kind and which state. */
  readonly rowName: (kind: string, state: 'h' | 'c') => string;
  readonly notFinite: string;
  readonly overflowed: (name: string, value: string, k: number) => string;
  readonly vanished: (name: string, k: number) => string;
}

const en: GradientPathsText = {
  caption: (T, H, seed, bias) => `How much gradient reaches step k from a loss at step T = ${T} (H = ${H}, seed ${seed}, b_f = b_z = ${bias})`,
  xLabel: 'step k',
  yLabel: 'gradient norm',
  ariaLabel: 'Gradient norms ‖∂L_T/∂h_k‖ for RNN, LSTM and GRU, and ‖∂L_T/∂c_k‖ for the LSTM, against k, log scale',
  ariaDescription:
    'Each line starts at the last step on the right and falls as it goes back in time to the left. The steeper a line falls, the less of the loss\'s gradient reaches early steps. The LSTM\'s cell-state line, ∂L/∂c, falls less steeply than its hidden-state line.',
  legendNote: '‖∂L/∂h‖: the gradient reaching the hidden state h_k. ‖∂L/∂c‖: the gradient reaching the LSTM\'s cell state c_k, the path through the forget gates.',
  tableLabel: 'What reaches the first step',
  cellHeader: 'curve',
  ratioHeader: 'norm at k = 1 / norm at k = T',
  rowName: (kind, state) => (state === 'h' ? `${kind} ‖∂L/∂h‖` : `${kind} ‖∂L/∂c‖ (cell state)`),
  notFinite: '— (not finite)',
  overflowed: (name, value, k) => `${name}: the gradient norm overflowed (${value}) at step k = ${k}; steps before it are not drawn.`,
  vanished: (name, k) => `${name}: the gradient norm fell below 1e-300 at step k = ${k} (it has vanished); steps before it are not drawn.`,
};

const zh: GradientPathsText = {
  caption: (T, H, seed, bias) => `来自第 T = ${T} 步损失的梯度有多少能到达第 k 步（H = ${H}，种子 ${seed}，b_f = b_z = ${bias}）`,
  xLabel: '时间步 k',
  yLabel: '梯度范数',
  ariaLabel: 'RNN、LSTM 和 GRU 的梯度范数 ‖∂L_T/∂h_k‖，以及 LSTM 的 ‖∂L_T/∂c_k‖，随 k 变化，对数刻度',
  ariaDescription:
    '每条线从右侧的最后一步开始，向左回溯时间时逐渐下降。线下降得越陡，损失的梯度到达早期时间步的就越少。LSTM 细胞状态的那条线 ∂L/∂c 比它隐藏状态的那条线下降得平缓。',
  legendNote: '‖∂L/∂h‖：到达隐藏状态 h_k 的梯度。‖∂L/∂c‖：到达 LSTM 细胞状态 c_k 的梯度，即经过遗忘门的那条路径。',
  tableLabel: '到达第一步的梯度',
  cellHeader: '曲线',
  ratioHeader: 'k = 1 处的范数 / k = T 处的范数',
  rowName: (kind, state) => (state === 'h' ? `${kind} ‖∂L/∂h‖` : `${kind} ‖∂L/∂c‖（细胞状态）`),
  notFinite: '—（不是有限数）',
  overflowed: (name, value, k) => `${name}：梯度范数在第 k = ${k} 步溢出（${value}）；之前的时间步不再绘制。`,
  vanished: (name, k) => `${name}：梯度范数在第 k = ${k} 步降到 1e-300 以下（梯度已经消失）；之前的时间步不再绘制。`,
};

/** The widget's strings for a locale. */
export function gradientPathsText(locale: Locale): GradientPathsText {
  return pick({ en, 'zh-CN': zh }, locale);
}
