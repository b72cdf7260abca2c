/**
 * Every string a reader sees from the notebook kit (src/kit), in English and Simplified Chinese.
 * Both tables have the type `KitText`, so a key missing from either is a type error; a sentence
 * that holds numbers or names is a function of them. Components take a `locale` prop (the MDX
 * wrappers pass `localeOf(Astro.currentLocale)`), so the server already renders the right language.
 *
 * The tables live beside this file, one per language (kit-text-en.ts, kit-text-zh-cn.ts), with their
 * type in kit-text-type.ts.
 */
import type { Locale } from '../locale.ts';
import type { KitText } from './kit-text-type.ts';
import { en } from './kit-text-en.ts';
import { zhCN } from './kit-text-zh-cn.ts';

export type { KitText } from './kit-text-type.ts';
export { en } from './kit-text-en.ts';
export { zhCN } from './kit-text-zh-cn.ts';

/** The kit's strings per locale. */
export const KIT_TEXT: Readonly<Record<Locale, KitText>> = { en, 'zh-CN': zhCN };

/** The kit's strings for `locale` (English when absent). */
export function kitText(locale: Locale = 'en'): KitText {
  return KIT_TEXT[locale] ?? en;
}
