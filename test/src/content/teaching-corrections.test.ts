/**
 * Holds the written corrections of issue 13 in both languages: the chapters share one notation for the
 * plain RNN's weights (the notation page maps the others), the remedies chapter gives no letter two
 * meanings, the home page leads to every page, and each pair of pages shows the same display formulas.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOCS = 'content/docs';
const FOLDERS = [DOCS, join(DOCS, 'zh-cn')];

/** The .mdx pages of a folder (not its subfolders). */
function pages(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.mdx')).sort();
}

/** A page's text. */
function read(folder: string, page: string): string {
  return readFileSync(join(folder, page), 'utf8');
}

/** Every display formula of a page, without its \text{…} words (they are translated, and may move) and with spaces collapsed. */
function displayFormulas(text: string): string[] {
  return [...text.matchAll(/^\$\$\n([\s\S]*?)\n\$\$/gm)].map((m) => m[1]!.replace(/\\text\{[^}]*\}/g, '').replace(/\s+/g, ' ').trim());
}

/** The U, W, V scheme applied to a plain RNN: the notation page shows it, the chapters do not. */
const UWV = /\bU x_|\bV h_t|\bW h_\{t-1\}|\bV s_t|\bW s_\{t-1\}/;

/** Pages with their own symbols on purpose: the notation page maps the schemes; chapter 11 quotes the attention papers' W s_{t−1} + U m_j. */
const OWN_SYMBOLS = new Set(['notation.mdx', 'pronounce.mdx']);

describe.each(FOLDERS)('the pages in %s', (folder) => {
  it.each(pages(folder).filter((page) => !OWN_SYMBOLS.has(page)))('%s writes the plain RNN with W_xh, W_hh, W_hy, not U, W, V', (page) => {
    const text = read(folder, page);
    expect(text.match(UWV)?.[0], 'use W_{xh} x_t, W_{hh} h_{t-1} and W_{hy} h_t (the notation page maps U, W, V)').toBeUndefined();
  });
  it('the notation page maps every scheme, the x, s, o one included', () => {
    const text = read(folder, 'notation.mdx');
    for (const formula of ['W_{xh}', 'U x^{(t)}', 's_t &= f(U x_t + W s_{t-1})', 'o_t &= g(V s_t)', '`weight_ih_l0`']) expect(text).toContain(formula);
  });
  it('the notation page says who writes the GRU which way, and that b_hn sits inside the reset', () => {
    const text = read(folder, 'notation.mdx');
    expect(text).toContain('h_t = z_t \\odot h_{t-1} + (1 - z_t) \\odot \\tilde h_t'); // Cho et al.
    expect(text).toContain('(1 - z_t) \\odot h_{t-1} + z_t \\odot \\tilde h_t'); // Chung et al.
    expect(text).toContain('W_{hn} (r_t \\odot h_{t-1})'); // reset before the product
    expect(text).toContain('r_t \\odot (W_{hn} h_{t-1} + b_{hn})'); // PyTorch's, with its bias inside
  });
  it('remedies: γ is the gain and g only the gradient', () => {
    const text = read(folder, 'remedies.mdx');
    expect(text).toMatch(/gain: \{ label: '[^']*γ', tex: '\\gamma'/);
    expect(text).not.toMatch(/\$g = \d|gain=g\b|\$g\\,Q|\\lambda_i/);
    expect(text).toContain("kaiming_normal_(W, nonlinearity='tanh')");
  });
  it('the home page leads to every chapter and reference page', () => {
    const index = read(folder, 'index.mdx');
    const english = pages(DOCS).filter((page) => page !== 'index.mdx');
    for (const page of english) expect(index, page).toContain(`](${page.replace(/\.mdx$/, '')}/)`);
  });
});

describe.each(pages(join(DOCS, 'zh-cn')))('the pair %s', (page) => {
  it('shows the same display formulas in both languages (words in \\text{} may differ)', () => {
    expect(displayFormulas(read(join(DOCS, 'zh-cn'), page))).toEqual(displayFormulas(read(DOCS, page)));
  });
});
