/** The initialisation widget's own strings, per locale (the plots' labels are not yet translated). */
import type { Locale } from '../../kit/locale.ts';

/** What the widget says around its table and its PyTorch code. */
export interface InitText {
  /** The table's caption, for the gain γ, the activation's name and the seed. */
  readonly tableCaption: (gain: string, activation: string, seed: number) => string;
  /** The footnote for the schemes that ignore γ, with f's gain and name. */
  readonly ignoresGain: (fGain: string, activation: string) => string;
  /** The caption under the PyTorch code. */
  readonly codeCaption: string;
}

/** The strings in every locale. */
export const INIT_TEXT: Readonly<Record<Locale, InitText>> = {
  en: {
    tableCaption: (gain, activation, seed) => `W_hh under each scheme (gain γ = ${gain}, f = ${activation}, seed ${seed})`,
    ignoresGain: (fGain, activation) => `* ignores γ: PyTorch's default has no gain, and He's gain comes from f (${fGain} for ${activation}).`,
    codeCaption: 'The five schemes in PyTorch 1.13, with the activation f, gain γ and size above; it follows them as they change.',
  },
  'zh-CN': {
    tableCaption: (gain, activation, seed) => `各方案下的 W_hh（增益 γ = ${gain}，f = ${activation}，种子 ${seed}）`,
    ignoresGain: (fGain, activation) => `* 不受 γ 影响：PyTorch 的默认方案没有增益，He 方案的增益由 f 决定（${activation} 为 ${fGain}）。`,
    codeCaption: '这五种方案在 PyTorch 1.13 中的写法，使用上面的激活函数 f、增益 γ 和大小；设置改变时代码随之更新。',
  },
};
