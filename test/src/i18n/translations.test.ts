/**
 * The Chinese edition keeps pace with the English one: every page has a counterpart in the other
 * language, each pair declares the same page variables and imports the same components, and the
 * kit's UI strings are complete in both locales.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { en, KIT_TEXT, type KitText } from '../../../src/kit/i18n/kit-text.ts';
import { LOCALES } from '../../../src/kit/locale.ts';

const DOCS = 'content/docs';
const ZH = 'zh-cn';

/**
 * Pages that exist in English only, on purpose, each with the reason.
 * Starlight serves them under zh-cn/ as the English text with its "not translated yet" notice.
 */
const ENGLISH_ONLY: Readonly<Record<string, string>> = {
  'g2p-model-card.mdx':
    'A model card is a technical record that should not drift between languages; it stays English-only and demonstrates the fallback notice.',
};

/** Every .md/.mdx page under `dir`, as paths relative to it with '/' separators. */
function pagesUnder(dir: string, skip?: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (full !== skip) walk(full);
      } else if (/\.mdx?$/.test(entry.name)) found.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

const englishPages = pagesUnder(DOCS, join(DOCS, ZH));
const chinesePages = pagesUnder(join(DOCS, ZH));

/** A page's frontmatter, parsed as Astro parses it (js-yaml). */
function frontmatter(file: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  return (match ? (load(match[1]!) as Record<string, unknown> | null) : null) ?? {};
}

/** The page's variables without their labels: what must agree between the two languages. */
function variablesWithoutLabels(file: string): Record<string, unknown> {
  const variables = (frontmatter(file).variables ?? {}) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(
    Object.entries(variables).map(([name, spec]) => {
      const { label: _label, ...rest } = spec;
      return [name, rest];
    }),
  );
}

/** The names a page imports from each module, with each module path resolved from the page's folder. */
function componentImports(file: string): Record<string, string[]> {
  const text = readFileSync(file, 'utf8');
  const imports: Record<string, string[]> = {};
  for (const match of text.matchAll(/^import\s+(.+?)\s+from\s+['"]([^'"]+)['"];?\s*$/gm)) {
    const [, what, from] = match;
    const module = from!.startsWith('.') ? relative('.', join(file, '..', from!)).split(sep).join('/') : from!;
    const names = what!.replace(/[{}]/g, '').split(',').map((name) => name.trim()).filter(Boolean).sort();
    imports[module] = [...(imports[module] ?? []), ...names].sort();
  }
  return imports;
}

describe('every page has a counterpart in the other language', () => {
  it('finds the pages in both folders', () => {
    expect(englishPages.length).toBeGreaterThan(5);
    expect(chinesePages.length).toBeGreaterThan(0);
  });
  it.each(englishPages.filter((page) => !Object.hasOwn(ENGLISH_ONLY, page)))('content/docs/%s has a zh-cn translation', (page) => {
    expect(chinesePages, `add content/docs/${ZH}/${page} (see docs/translating.md)`).toContain(page);
  });
  it.each(chinesePages)('content/docs/zh-cn/%s has an English original', (page) => {
    expect(englishPages, `content/docs/${ZH}/${page} translates a page that does not exist in English`).toContain(page);
  });
  it.each(Object.keys(ENGLISH_ONLY))('the English-only page %s exists and has no translation', (page) => {
    expect(englishPages).toContain(page);
    expect(chinesePages).not.toContain(page);
  });
});

describe.each(chinesePages.filter((page) => englishPages.includes(page)))('the pair %s', (page) => {
  const english = join(DOCS, page);
  const chinese = join(DOCS, ZH, page);
  it('declares the same variables: keys, types, options and defaults (labels may differ)', () => {
    expect(variablesWithoutLabels(chinese)).toEqual(variablesWithoutLabels(english));
  });
  it('gives every variable a label in both languages', () => {
    const variables = (frontmatter(chinese).variables ?? {}) as Record<string, { label?: unknown }>;
    for (const [name, spec] of Object.entries(variables)) expect(typeof spec.label, name).toBe('string');
  });
  it('imports the same components from the same modules', () => {
    expect(componentImports(chinese)).toEqual(componentImports(english));
  });
  it('has a title', () => {
    expect(typeof frontmatter(chinese).title).toBe('string');
  });
  it('asks for the same page settings besides the text (sidebar order, WebAssembly in its CSP)', () => {
    const settings = (file: string) => {
      const { title, description, variables, ...rest } = frontmatter(file);
      return rest;
    };
    expect(settings(chinese)).toEqual(settings(english));
  });
});

/** A kit string's text: the string itself, or a function's result for sample arguments. */
function sampleText(value: KitText[keyof KitText]): string {
  if (typeof value === 'string') return value;
  const args = Array.from({ length: value.length }, (_, i) => (i === 0 ? 2 : `x${i}`));
  return (value as (...args: unknown[]) => string)(...args);
}

/** Kit strings without Chinese characters of their own: numbers and units, or punctuation joining translated parts. */
const SAME_IN_BOTH: ReadonlySet<keyof KitText> = new Set(['modelProgress', 'heatmapCell']);

describe('the kit strings', () => {
  const keys = Object.keys(en) as (keyof KitText)[];
  it.each(LOCALES)('%s has every key, each a non-empty string or a function giving one', (locale) => {
    const table = KIT_TEXT[locale];
    expect(Object.keys(table).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(typeof table[key], key).toBe(typeof en[key]);
      expect(sampleText(table[key]).trim(), key).not.toBe('');
    }
  });
  it('the Chinese table is in Chinese', () => {
    for (const key of keys) {
      if (SAME_IN_BOTH.has(key)) continue;
      expect(sampleText(KIT_TEXT['zh-CN'][key]), key).toMatch(/\p{Script=Han}/u);
    }
  });
  it('function strings take the same arguments in both languages', () => {
    for (const key of keys) {
      const value = en[key];
      if (typeof value === 'function') expect((KIT_TEXT['zh-CN'][key] as (...args: never[]) => string).length, key).toBe(value.length);
    }
  });
});
