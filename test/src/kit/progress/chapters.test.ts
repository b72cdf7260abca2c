import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAPTERS, chapterOfPath, isChapter } from '../../../../src/kit/progress/chapters.ts';

describe('CHAPTERS', () => {
  it('lists every numbered chapter in content/docs, in chapter order', () => {
    const numbered = readdirSync('content/docs')
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => {
        const title = /^title:\s*"?(\d+)\.\s/m.exec(readFileSync(`content/docs/${name}`, 'utf8'));
        return title ? { slug: name.replace(/\.mdx$/, ''), number: Number(title[1]) } : null;
      })
      .filter((entry) => entry !== null)
      .sort((a, b) => a.number - b.number);
    expect(numbered.length).toBeGreaterThan(0);
    expect([...CHAPTERS]).toEqual(numbered.map((entry) => entry.slug));
  });

  it('is the sidebar\'s "Chapters" group in astro.config.mjs', () => {
    const config = readFileSync('astro.config.mjs', 'utf8');
    const group = /label: 'Chapters'[\s\S]*?items: \[([\s\S]*?)\]/.exec(config);
    expect(group).not.toBeNull();
    const slugs = [...group![1].matchAll(/slug: '([^']+)'/g)].map((match) => match[1]);
    expect(slugs).toEqual([...CHAPTERS]);
  });
});

describe('chapterOfPath', () => {
  it('finds the chapter at the root and under a sub-path base', () => {
    expect(chapterOfPath('/bptt/', '/')).toBe('bptt');
    expect(chapterOfPath('/bptt', '/')).toBe('bptt');
    expect(chapterOfPath('/course/rnn/bptt/', '/course/rnn/')).toBe('bptt');
    expect(chapterOfPath('/course/rnn/bptt/', '/course/rnn')).toBe('bptt');
  });

  it('drops the language prefix, so the Chinese edition counts for the same chapter', () => {
    expect(chapterOfPath('/zh-cn/bptt/', '/')).toBe('bptt');
    expect(chapterOfPath('/course/rnn/zh-cn/gating/', '/course/rnn/')).toBe('gating');
    expect(chapterOfPath('/zh-CN/gating/', '/')).toBe('gating');
  });

  it('is null for pages that are not chapters and for paths outside the base', () => {
    expect(chapterOfPath('/', '/')).toBeNull();
    expect(chapterOfPath('/zh-cn/', '/')).toBeNull();
    expect(chapterOfPath('/notation/', '/')).toBeNull();
    expect(chapterOfPath('/authoring/', '/')).toBeNull();
    expect(chapterOfPath('/bptt/extra/', '/')).toBeNull();
    expect(chapterOfPath('/bptt/', '/course/rnn/')).toBeNull();
    expect(chapterOfPath('/fr/bptt/', '/')).toBeNull();
  });

  it('isChapter accepts only the chapter slugs', () => {
    expect(isChapter('bptt')).toBe(true);
    expect(isChapter('zh-cn/bptt')).toBe(false);
    expect(isChapter('__proto__')).toBe(false);
  });
});
