/** KaTeX for live formulas: the same safety settings everywhere, and errors returned instead of thrown. */
import katex from 'katex';

/** TeX rendered to HTML, or the message to show instead. */
export type RenderedTex = { readonly ok: true; readonly html: string } | { readonly ok: false; readonly message: string };

/** How many rendered formulas are remembered: a slider move re-renders every formula on the page, most unchanged. */
const CACHE_SIZE = 512;
const cache = new Map<string, RenderedTex>();

/** Render TeX to an HTML string with trust off and bounded macro expansion and sizes (remembered, so an unchanged formula costs nothing). */
export function renderTex(tex: string, displayMode = false): RenderedTex {
  const key = `${displayMode ? 'D' : 'I'}${tex}`;
  const remembered = cache.get(key);
  if (remembered) return remembered;
  let rendered: RenderedTex;
  try {
    const html = katex.renderToString(tex, { displayMode, trust: false, maxExpand: 200, maxSize: 20, strict: 'ignore', throwOnError: true, output: 'htmlAndMathml' });
    rendered = { ok: true, html };
  } catch (error) {
    rendered = { ok: false, message: error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : 'Cannot typeset this formula.' };
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!); // the oldest entry
  cache.set(key, rendered);
  return rendered;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Plain text with $…$ math: the text escaped, the math typeset inline (left as text if it fails). */
export function renderTextWithMath(text: string): string {
  return text
    .split(/(\$[^$]+\$)/g)
    .map((part) => {
      if (part.length > 2 && part.startsWith('$') && part.endsWith('$')) {
        const rendered = renderTex(part.slice(1, -1));
        return rendered.ok ? rendered.html : escapeHtml(part);
      }
      return escapeHtml(part);
    })
    .join('');
}
