// Wide display equations, tables and code blocks scroll sideways inside their own box on narrow screens.
// A box that scrolls must be reachable by keyboard (WCAG 2.1.1), so give it a tab stop while, and only
// while, it overflows. (Expressive Code gives its code blocks one too, but only when it measures them;
// a block whose width changes later, as fonts and islands arrive, is caught here.)
const selector = '.sl-markdown-content .katex-display, .sl-markdown-content > table, .sl-markdown-content .expressive-code pre';

function update() {
  for (const box of document.querySelectorAll(selector)) {
    if (box.closest('.unrolled-live-formula')) continue; // live formulas scroll their own focusable box
    const overflows = box.scrollWidth > box.clientWidth + 1;
    if (overflows && !box.hasAttribute('tabindex')) {
      box.setAttribute('tabindex', '0');
      box.dataset.scrollFocus = '';
      if (!box.hasAttribute('role')) box.setAttribute('role', 'region');
      if (!box.hasAttribute('aria-label')) box.setAttribute('aria-label', box.matches('table') ? 'Table (scrolls sideways)' : box.matches('pre') ? 'Code (scrolls sideways)' : 'Equation (scrolls sideways)');
    } else if (!overflows && box.dataset.scrollFocus !== undefined) {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
      delete box.dataset.scrollFocus;
    }
  }
}

// Widths change after load too: web fonts arrive, islands hydrate, the window resizes. Re-check on each.
let scheduled = false;
function schedule() {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    update();
  });
}
update();
const observer = new ResizeObserver(schedule);
for (const box of document.querySelectorAll(selector)) {
  observer.observe(box);
  if (box.firstElementChild) observer.observe(box.firstElementChild);
}
addEventListener('resize', schedule);
addEventListener('load', schedule);
document.fonts?.ready.then(schedule);
