/**
 * Print captions for the page's widgets. Every top-level island in the article that is not a bare
 * control (slider, field, choice) is a figure: it gets a caption after it, shown only in print,
 * "Figure N — <name> · This state: <URL>". Widget state lives in the page URL (src/kit/url-state.ts),
 * so the URL at print time is the one that restores what the paper shows. Captions are added at
 * load and refreshed whenever the URL or the medium changes, and just before printing.
 */
import { localeOf } from '../../kit/locale.ts';
import { URL_CHANGE_EVENT } from '../../kit/url-change-event.ts';
import { PRINT_TEXT, type PrintText } from './print-text.ts';

/** Class of the caption paragraphs this module adds. */
export const CAPTION_CLASS = 'unrolled-print-caption';
/** Where the article's widgets live. */
const CONTENT = '.sl-markdown-content';
/** A widget's longest printed name, in characters. */
const MAX_NAME = 90;

/** The caption line for figure `n`. */
export function captionText(text: PrintText, n: number, name: string, url: string): string {
  return `${text.figure} ${n}${text.dash}${name}${text.separator}${text.thisState} ${url}`;
}

/** Whitespace collapsed, and cut to `max` characters with an ellipsis. */
export function shortName(raw: string, max = MAX_NAME): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}

/** The page's URL without its fragment: the address that reopens the page in its current state. */
export function stateUrl(href: string): string {
  const url = new URL(href);
  url.hash = '';
  return url.href;
}

/** An element's visible text, without buttons and screen-reader-only text. */
function visibleText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('button, .sr-only, script, style, .katex-mathml')) hidden.remove();
  return copy.textContent ?? '';
}

/** The islands that print as figures, in page order. */
export function figureIslands(root: ParentNode = document): HTMLElement[] {
  const islands = [...root.querySelectorAll<HTMLElement>(`${CONTENT} astro-island`)];
  return islands.filter((island) => {
    if (island.parentElement?.closest('astro-island')) return false;
    const widget = island.querySelector(':scope > :not(template, style, script)');
    if (!widget) return true; // rendered only in the browser: still a figure once it draws
    if (widget.matches('.unrolled-control')) return false;
    return !getComputedStyle(widget).display.startsWith('inline');
  });
}

/**
 * A widget's name: its own label, caption, legend or heading; else the section heading before it.
 * A generic name of one or two words ("Exercise", "Live formula") gets the section heading added.
 */
export function widgetName(island: HTMLElement, text: PrintText): string {
  const own = ownName(island);
  const section = sectionHeading(island);
  if (own && section && own.split(' ').length <= 2 && own !== section) return shortName(`${own}: ${section}`);
  return own || section || text.unnamed;
}

/** The section heading before an element, or '' when there is none. */
function sectionHeading(island: HTMLElement): string {
  const headings = [...document.querySelectorAll(`${CONTENT} :is(h2, h3, h4)`)];
  const before = headings.filter((h) => h.compareDocumentPosition(island) & Node.DOCUMENT_POSITION_FOLLOWING).at(-1);
  return before ? shortName(visibleText(before)) : '';
}

/** The widget's own label, caption, legend or heading, or '' when it has none. */
function ownName(island: HTMLElement): string {
  const widget = island.querySelector(':scope > :not(template, style, script)');
  if (widget) {
    const label = widget.getAttribute('aria-label');
    if (label?.trim()) return shortName(label);
    const ids = widget.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
    const labelled = ids.map((id) => document.getElementById(id)).filter((e): e is HTMLElement => e !== null);
    const fromIds = labelled.map(visibleText).join(' ');
    if (fromIds.trim()) return shortName(fromIds);
    const heading = widget.querySelector('figcaption, legend, h2, h3, h4, h5, h6, [role="heading"]');
    if (heading && visibleText(heading).trim()) return shortName(visibleText(heading));
  }
  return '';
}

/** Add missing captions and bring every caption's number, name and URL up to date. */
export function refreshCaptions(): void {
  const text = PRINT_TEXT[localeOf(document.documentElement.lang)];
  const url = stateUrl(location.href);
  figureIslands().forEach((island, i) => {
    let caption = island.nextElementSibling;
    if (!caption?.classList.contains(CAPTION_CLASS)) {
      caption = document.createElement('p');
      caption.className = CAPTION_CLASS;
      caption.append(document.createElement('span'), document.createElement('a'));
      island.after(caption);
    }
    const [label, link] = caption.children as unknown as [HTMLSpanElement, HTMLAnchorElement];
    const line = captionText(text, i + 1, widgetName(island, text), url);
    const head = line.slice(0, line.length - url.length);
    if (label.textContent !== head) label.textContent = head;
    if (link.getAttribute('href') !== url) {
      link.href = url;
      link.textContent = url;
    }
  });
}

/** Mark links to other pages with their absolute URL, which the print stylesheet prints after them. */
export function markOutgoingLinks(): void {
  const here = stateUrl(location.href);
  for (const link of document.querySelectorAll<HTMLAnchorElement>(`${CONTENT} a[href]`)) {
    if (link.closest(`.${CAPTION_CLASS}`) || !/^https?:$/.test(link.protocol)) continue;
    const target = stateUrl(link.href);
    if (target !== here && link.textContent?.trim() !== link.href) link.dataset.printUrl = target;
  }
}

/** Caption the page now and keep the captions current. */
export function installPrintCaptions(): void {
  markOutgoingLinks();
  refreshCaptions();
  const refresh = () => refreshCaptions();
  addEventListener(URL_CHANGE_EVENT, refresh);
  addEventListener('popstate', refresh);
  addEventListener('hashchange', refresh);
  addEventListener('beforeprint', refresh);
  matchMedia('print').addEventListener('change', refresh);
}
