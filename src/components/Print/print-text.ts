/** The strings the printed page adds: figure captions under widgets. */
import type { Locale } from '../../kit/locale.ts';

/** Caption wording for one language. */
export interface PrintText {
  /** The word before a figure's number. */
  figure: string;
  /** Introduces the URL that reopens the page in the printed state. */
  thisState: string;
  /** Separates the number from the figure's name, and the name from the URL. */
  dash: string;
  separator: string;
  /** The name of a widget that has no label and no heading before it. */
  unnamed: string;
}

/** Caption wording, English and Simplified Chinese. */
export const PRINT_TEXT: Readonly<Record<Locale, PrintText>> = {
  en: { figure: 'Figure', thisState: 'This state:', dash: ' — ', separator: ' · ', unnamed: 'Interactive figure' },
  'zh-CN': { figure: '图', thisState: '此状态：', dash: ' — ', separator: ' · ', unnamed: '交互图' },
};
