/**
 * What the per-page audit (page-audit.spec.ts) measures on a rendered page, each as one read in the
 * browser that returns readable lines for the failure message: undersized targets, things that still
 * move, sideways-scrolling boxes without a tab stop, the printed view, and KaTeX's styling.
 */
import type { Page } from '@playwright/test';

/** The smallest target WCAG 2.5.8 (level AA) allows, in CSS px. */
export const MIN_TARGET_PX = 24;

/**
 * Every visible interactive target smaller than MIN_TARGET_PX. A form control may count its
 * <label> (a click on the label works the control); a link set inside running text is WCAG's
 * "inline" exception and is not measured.
 */
export async function undersizedTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const selector = [
      'a[href]',
      'button',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'summary',
      '[role="button"]',
      '[role="slider"]',
      '[role="tab"]',
      '[role="checkbox"]',
      '[role="switch"]',
    ].join(',');
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      if (element.closest('[aria-hidden="true"], [inert]')) continue;
      if (element.tagName === 'A' && getComputedStyle(element).display === 'inline') continue;
      const labels = 'labels' in element ? [...((element as HTMLInputElement).labels ?? [])] : [];
      const boxes = [element, ...labels].map((node) => node.getBoundingClientRect());
      const width = Math.max(...boxes.map((box) => box.width));
      const height = Math.max(...boxes.map((box) => box.height));
      if (width + 0.5 < min || height + 0.5 < min) {
        const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        const kind = element.tagName.toLowerCase() + (element.getAttribute('type') ? `[type=${element.getAttribute('type')}]` : '');
        found.push(`${kind} "${name}" ${width.toFixed(1)} × ${height.toFixed(1)} px`);
      }
    }
    return found;
  }, MIN_TARGET_PX);
}

/** Every element (or ::before/::after) whose computed style still moves, plus running animations and smooth scrolling. */
export async function movingThings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seconds = (list: string) => Math.max(0, ...list.split(',').map((part) => parseFloat(part) * (part.trim().endsWith('ms') ? 0.001 : 1)));
    const found = new Set<string>();
    for (const element of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        const transition = seconds(style.transitionDuration);
        const animation = style.animationName !== 'none' ? seconds(style.animationDuration) : 0;
        if (transition > 0 || animation > 0) {
          found.add(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')}${pseudo ?? ''}: transition ${style.transitionDuration}, animation ${style.animationName}`);
        }
      }
    }
    for (const animation of document.getAnimations()) found.add(`running animation ${animation.id || animation.constructor.name}`);
    if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') found.add('html: smooth scrolling');
    return [...found];
  });
}

/** Boxes in main that scroll sideways and neither take focus nor hold something that does (axe's scrollable-region-focusable). */
export async function unreachableScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('main *')) {
      const style = getComputedStyle(element);
      if (!['auto', 'scroll'].includes(style.overflowX) || element.scrollWidth <= element.clientWidth + 1) continue;
      const focusable = element.matches('[tabindex]:not([tabindex="-1"])') || element.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
      if (!focusable) out.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
    }
    return out;
  });
}

/** How wide the document is against the viewport; wider means the page scrolls sideways. */
export async function pageWidth(page: Page): Promise<{ content: number; viewport: number }> {
  return page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: window.innerWidth }));
}

/** The site chrome that must not print. */
export const PRINT_HIDDEN_CHROME = ['.page > header', 'nav.sidebar', '.right-sidebar-container', '.pagination-links', '.sl-skip-link', 'starlight-theme-select', 'starlight-lang-select', 'site-search'];

/** The page's URL without its fragment, as the print captions quote it. */
export const stateUrl = (page: Page): Promise<string> => page.evaluate(() => location.href.replace(/#.*$/, ''));

/** What the page shows in the current medium, read in one go: chrome, widget frames with their captions, all captions. */
export async function printedView(page: Page) {
  return page.evaluate((chrome) => {
    const shown = (element: Element | null | undefined) => !!element && element.checkVisibility() && element.getBoundingClientRect().height > 0;
    const frames = [...document.querySelectorAll('.sl-markdown-content .unrolled-widget')].filter(
      (frame) => !frame.parentElement?.closest('.unrolled-widget'),
    );
    return {
      chrome: chrome.map((selector) => ({ selector, count: document.querySelectorAll(selector).length, shown: [...document.querySelectorAll(selector)].some(shown) })),
      title: shown(document.querySelector('main h1')),
      widgets: frames.map((frame) => {
        let island = frame.closest('astro-island');
        while (island?.parentElement?.closest('astro-island')) island = island.parentElement.closest('astro-island');
        const caption = island?.nextElementSibling;
        return { widget: frame.className, caption: caption?.classList.contains('unrolled-print-caption') && shown(caption) ? caption.textContent : null };
      }),
      captions: [...document.querySelectorAll('.unrolled-print-caption')].map((c) => ({ text: c.textContent ?? '', shown: shown(c) })),
    };
  }, PRINT_HIDDEN_CHROME);
}

/** KaTeX's CSS and self-hosted fonts as the page applied them, once the fonts are in. */
export async function katexStyle(page: Page) {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const formula = document.querySelector('.katex')!;
    const mathml = document.querySelector('.katex-mathml');
    const loadedFamilies = [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family);
    return {
      fontFamily: getComputedStyle(formula).fontFamily,
      mathmlHidden: mathml ? getComputedStyle(mathml).position === 'absolute' : true,
      katexFontLoaded: loadedFamilies.some((family) => family.replace(/["']/g, '').startsWith('KaTeX_')),
    };
  });
}
