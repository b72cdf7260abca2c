/**
 * The site's two languages and how a component picks its strings. Astro components pass
 * `Astro.currentLocale` ('root' or undefined for English, 'zh-cn' for Chinese) to `localeOf`.
 */

/** A language the site is written in: English (the root) or Simplified Chinese (under zh-cn/). */
export type Locale = 'en' | 'zh-CN';

/** Every locale, English first. */
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** The locale of a page from Astro's `currentLocale`, a URL path segment or an html `lang`; English when unknown. */
export function localeOf(value: string | null | undefined): Locale {
  return value != null && /^zh/i.test(value) ? 'zh-CN' : 'en';
}

/** The entry of a per-locale table for `locale`. */
export function pick<T>(table: Readonly<Record<Locale, T>>, locale: Locale): T {
  return table[locale];
}
