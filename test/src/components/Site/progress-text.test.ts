import { describe, expect, it } from 'vitest';
import { PROGRESS_TEXT } from '../../../../src/components/Site/progress-text.ts';
import type { ProgressProblem } from '../../../../src/kit/progress/problems.ts';
import { LOCALES } from '../../../../src/kit/locale.ts';

const problems: ProgressProblem[] = [
  { kind: 'too-large', bytes: 200_000, limit: 65_536 },
  { kind: 'not-json' },
  { kind: 'not-object' },
  { kind: 'wrong-format' },
  { kind: 'wrong-version', found: '7' },
  { kind: 'bad-field', field: 'progress.read.bptt' },
  { kind: 'unknown-chapter', chapter: 'chapter-12' },
  { kind: 'tampered' },
];

describe('progress panel strings', () => {
  it.each(LOCALES)('%s: every import problem has its own message, naming the detail', (locale) => {
    const text = PROGRESS_TEXT[locale];
    const messages = problems.map(text.problem);
    expect(new Set(messages).size).toBe(problems.length);
    expect(messages[0]).toContain('196 kB');
    expect(messages[4]).toContain('7');
    expect(messages[5]).toContain('progress.read.bptt');
    expect(messages[6]).toContain('chapter-12');
  });

  it('the English summary counts chapters and exercises, singular and plural', () => {
    expect(PROGRESS_TEXT.en.summary(4, 11, 6)).toBe('4 of 11 chapters read · 6 exercises solved');
    expect(PROGRESS_TEXT.en.summary(0, 11, 1)).toBe('0 of 11 chapters read · 1 exercise solved');
  });

  it('the Chinese strings are Chinese', () => {
    const zh = PROGRESS_TEXT['zh-CN'];
    for (const value of [zh.heading, zh.exportLabel, zh.importLabel, zh.resetLabel, zh.summary(4, 11, 6), zh.problem({ kind: 'tampered' })]) {
      expect(value).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
