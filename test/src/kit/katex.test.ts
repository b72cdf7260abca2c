import { describe, expect, it } from 'vitest';
import { renderTex, renderTextWithMath } from '../../../src/kit/katex.ts';

describe('renderTex', () => {
  it('typesets TeX, and returns parse errors as a message instead of throwing', () => {
    const good = renderTex('h_t = f(a_t)');
    expect(good.ok && good.html).toContain('katex');
    const bad = renderTex('\\frac{1}{');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/expected '}'/);
  });
  it('remembers a formula it has rendered: the same input gives the very same result, per display mode', () => {
    const first = renderTex('W_{hh} h_{t-1} + W_{xh} x_t + b_h');
    expect(renderTex('W_{hh} h_{t-1} + W_{xh} x_t + b_h')).toBe(first);
    const display = renderTex('W_{hh} h_{t-1} + W_{xh} x_t + b_h', true);
    expect(display).not.toBe(first);
    expect(display.ok && display.html).toContain('katex-display');
  });
  it('keeps working past the cache size, rendering each formula correctly', () => {
    for (let i = 0; i < 1200; i++) expect(renderTex(`x_{${i}}`).ok).toBe(true);
    const again = renderTex('x_{3}');
    expect(again.ok && again.html).toContain('3');
  });
});

describe('renderTextWithMath', () => {
  it('escapes the text and typesets $…$ parts', () => {
    const html = renderTextWithMath('a <b> and $x_t$');
    expect(html).toContain('a &lt;b&gt; and ');
    expect(html).toContain('katex');
  });
});
