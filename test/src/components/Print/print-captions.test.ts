import { describe, expect, it } from 'vitest';
import { captionText, shortName, stateUrl } from '../../../../src/components/Print/print-captions.ts';
import { PRINT_TEXT } from '../../../../src/components/Print/print-text.ts';

describe('print captions', () => {
  it('reads "Figure N — name · This state: URL" in English and Chinese', () => {
    const url = 'https://example.edu/course/rnn/parameters/?H=129';
    expect(captionText(PRINT_TEXT.en, 3, 'Weight shapes', url)).toBe(`Figure 3 — Weight shapes · This state: ${url}`);
    expect(captionText(PRINT_TEXT['zh-CN'], 3, '权重形状', url)).toBe(`图 3 — 权重形状 · 此状态： ${url}`);
  });

  it('drops the fragment but keeps the query, which holds the state', () => {
    expect(stateUrl('http://127.0.0.1:4330/parameters/?H=129&L=2#the-shapes')).toBe('http://127.0.0.1:4330/parameters/?H=129&L=2');
  });

  it('collapses whitespace and cuts long names with an ellipsis', () => {
    expect(shortName('  Tensors of\n  nn.RNN  ')).toBe('Tensors of nn.RNN');
    const long = shortName('word '.repeat(40), 20);
    expect(long.length).toBeLessThanOrEqual(20);
    expect(long.endsWith('…')).toBe(true);
  });
});
