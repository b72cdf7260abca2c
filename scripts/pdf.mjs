// The whole course as one PDF handout, printed by the system Chromium (nothing is downloaded).
//
//   npm run pdf                                   → dist-pdf/unrolled.pdf (builds dist/ first if it is missing)
//   npm run pdf -- --lang zh-cn                   → dist-pdf/unrolled-zh-cn.pdf, the Chinese edition
//   node scripts/pdf.mjs --dist dist-sub          a build made elsewhere (its base path is read from it)
//   node scripts/pdf.mjs --url http://127.0.0.1:4330/   a site that is already being served
//   --site https://example.edu/course/rnn/        print figure URLs against the public address
//                                                 (without it they are relative to the course's home page)
//   --out FILE                                    where to write the PDF
//
// It reads the chapter order from the built sidebar (the Chapters group, then Reference; the home
// page becomes the title page, and the authoring guide, written for instructors, is left out), opens
// every page, lets its widgets draw their default state, and copies each article into one handout
// document: a title page, a table of contents, then one section per chapter, each on a new page.
// Each widget keeps its print caption (src/components/Print/print-captions.ts) with the URL of its
// page. Chromium prints that document once, with PDF bookmarks (outline), tagged PDF, and page
// numbers in the footer. Where pdftotext (poppler-utils) is installed, a second pass adds each
// chapter's page number to the table of contents.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';
import { serve } from './serve.mjs';

/** Sidebar pages that are not part of the handout: the home page (the title page replaces it) and the authoring guide. */
export const LEFT_OUT = ['', 'authoring/'];

/** Handout wording, English and Simplified Chinese. */
const TEXT = {
  en: { contents: 'Contents', subtitle: 'An interactive course on recurrent neural networks — printed handout', page: 'Page', of: 'of', note: 'Every figure shows its widget in its default state; the address under it opens the live version.' },
  'zh-cn': { contents: '目录', subtitle: '循环神经网络交互式课程——打印讲义', page: '第', of: '页，共', note: '每幅图展示交互组件的默认状态；图下的网址可打开其交互版本。' },
};

/** Command-line options. */
export function readOptions(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      dist: { type: 'string' },
      url: { type: 'string' },
      site: { type: 'string' },
      lang: { type: 'string', default: 'en' },
      out: { type: 'string' },
      port: { type: 'string', default: process.env.PDF_PORT ?? '4439' },
    },
  });
  const lang = values.lang === 'zh-cn' || values.lang === 'zh-CN' ? 'zh-cn' : 'en';
  return {
    dist: values.dist ?? 'dist',
    url: values.url,
    site: values.site,
    lang,
    out: values.out ?? join('dist-pdf', lang === 'en' ? 'unrolled.pdf' : `unrolled-${lang}.pdf`),
    port: Number(values.port),
  };
}

/** The base path a build was made for, read from its home page's asset URLs. */
export function buildBase(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const match = /(?:src|href)="([^"]*?)_astro\//.exec(html);
  return match ? match[1] : '/';
}

/** Builds dist/ with `astro build` when it has no home page yet. */
function ensureBuild(dist) {
  if (existsSync(join(dist, 'index.html'))) return;
  if (resolve(dist) !== resolve('dist')) throw new Error(`${dist}/index.html is missing: build that folder first`);
  console.log('pdf: dist/ is missing; building the site first');
  const astro = join('node_modules', 'astro', 'bin', 'astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error('pdf: the build failed');
}

/** The handout's pages in sidebar order: { path (relative to the site root), title }. */
async function chapterList(page, root, lang) {
  await page.goto(`${root}${lang === 'en' ? '' : `${lang}/`}`, { waitUntil: 'domcontentloaded' });
  const links = await page.$$eval('nav.sidebar ul.top-level a[href]', (as) => as.map((a) => ({ href: a.href, title: a.textContent.trim() })));
  const prefix = lang === 'en' ? '' : `${lang}/`;
  const seen = new Set();
  return links
    .map(({ href, title }) => ({ path: href.slice(root.length), title }))
    .filter(({ path }) => path.startsWith(prefix) && !LEFT_OUT.includes(path.slice(prefix.length)) && !seen.has(path) && seen.add(path));
}

/** Scrolls every island into view until all have hydrated (or the time is up: those keep their server-rendered state). */
async function hydrate(page, limitMs = 30_000) {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    const pending = await page.evaluate(async () => {
      for (const island of document.querySelectorAll('astro-island[ssr]')) {
        (island.querySelector('*:not(template):not(script):not(style)') ?? island).scrollIntoView({ block: 'center' });
        await new Promise((r) => setTimeout(r, 100));
      }
      return document.querySelectorAll('astro-island[ssr]').length;
    });
    if (pending === 0) break;
    await page.waitForTimeout(500);
  }
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * In the chapter page: turn its article into a handout section. Ids get the chapter's prefix,
 * links to chapters in the handout become links inside the PDF, figure URLs get the public address.
 */
function extractChapter({ id, root, publicRoot, inHandout }) {
  const article = document.querySelector('main .sl-markdown-content');
  if (!article) throw new Error(`no article on ${location.href}`);
  // Form values live in properties, which a copy loses; write them into attributes first.
  for (const input of article.querySelectorAll('input, textarea, select')) {
    if (input instanceof HTMLInputElement && (input.type === 'checkbox' || input.type === 'radio')) input.toggleAttribute('checked', input.checked);
    else if (input instanceof HTMLTextAreaElement) input.textContent = input.value;
    else if (input instanceof HTMLSelectElement) for (const option of input.options) option.toggleAttribute('selected', option.selected);
    else input.setAttribute('value', input.value);
  }
  const copy = article.cloneNode(true);
  // Canvases lose their pixels when copied; keep them as images.
  const canvases = article.querySelectorAll('canvas');
  copy.querySelectorAll('canvas').forEach((canvas, i) => {
    const img = document.createElement('img');
    img.src = canvases[i].toDataURL('image/png');
    img.width = canvases[i].width;
    canvas.replaceWith(img);
  });
  copy.querySelectorAll('script, template, .sl-anchor-link, .sr-only[aria-hidden]').forEach((e) => e.remove());
  for (const island of copy.querySelectorAll('astro-island')) {
    for (const name of ['component-url', 'renderer-url', 'props', 'opts', 'before-hydration-url', 'ssr', 'client']) island.removeAttribute(name);
  }
  const local = (value) => `${id}--${value}`;
  copy.querySelectorAll('[id]').forEach((e) => (e.id = local(e.id)));
  for (const name of ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls']) {
    copy.querySelectorAll(`[${name}]`).forEach((e) => e.setAttribute(name, e.getAttribute(name).split(/\s+/).map(local).join(' ')));
  }
  const toPublic = (href) => (href.startsWith(root) ? publicRoot + href.slice(root.length) : href);
  // A relative address (no --site) is printed as text only: as a link, the PDF would point at the
  // local server that made it.
  const pointAt = (link, href) => {
    const address = toPublic(href);
    if (address === href || publicRoot !== '') link.setAttribute('href', address);
    else link.removeAttribute('href');
    return address;
  };
  for (const caption of copy.querySelectorAll('.unrolled-print-caption a')) {
    caption.textContent = pointAt(caption, caption.href);
  }
  for (const link of copy.querySelectorAll('a[href]')) {
    if (link.closest('.unrolled-print-caption') || !link.hasAttribute('href')) continue;
    const raw = link.getAttribute('href');
    if (raw.startsWith('#')) {
      link.setAttribute('href', `#${local(raw.slice(1))}`);
      continue;
    }
    const target = new URL(raw, location.href);
    const path = target.href.startsWith(root) ? target.pathname.slice(new URL(root).pathname.length) : null;
    const chapter = path !== null ? inHandout[path] : undefined;
    if (chapter) {
      link.setAttribute('href', target.hash ? `#${chapter}--${target.hash.slice(1)}` : `#${chapter}`);
      delete link.dataset.printUrl;
    } else {
      pointAt(link, target.href);
      if (link.dataset.printUrl) link.dataset.printUrl = toPublic(link.dataset.printUrl);
    }
  }
  const styles = [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.href);
  return { html: copy.innerHTML, styles };
}

/** Escapes text for HTML. */
const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The handout document: title page, contents (with page numbers when known), one section per chapter. */
export function handoutHtml({ lang, title, description, chapters, styles, pageNumbers }) {
  const text = TEXT[lang];
  const toc = chapters
    .map((c, i) => `<li><a href="#${c.id}"><span class="handout-toc-title">${escape(c.title)}</span><span class="handout-toc-page">${pageNumbers?.[i] ?? ''}</span></a></li>`)
    .join('\n');
  const sections = chapters
    .map((c) => `<section class="handout-chapter" id="${c.id}" aria-labelledby="${c.id}-title"><h1 id="${c.id}-title">${escape(c.title)}</h1>\n${c.html}\n</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}" data-theme="light" dir="ltr">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
${styles.map((href) => `<link rel="stylesheet" href="${escape(href)}">`).join('\n')}
<style>
  astro-island, astro-slot, astro-static-slot { display: contents; }
  :root { color-scheme: light; }
  body { background: #fff; color: #111; margin: 0; font-family: var(--__sl-font); }
  .handout-title { break-after: page; padding-top: 30vh; text-align: center; }
  .handout-title h1 { font-size: 2.6rem; margin: 0 0 1rem; }
  .handout-title p { font-size: 1.1rem; color: #333; }
  .handout-toc { break-after: page; }
  .handout-toc h1 { font-size: 1.8rem; }
  .handout-toc ol { list-style: none; padding: 0; margin: 0; }
  .handout-toc li { margin: 0.45rem 0; font-size: 1.05rem; }
  .handout-toc a { display: flex; gap: 0.5rem; color: inherit; text-decoration: none; }
  .handout-toc-title { flex: 1; border-bottom: 1px dotted #888; }
  .handout-toc-page { min-width: 2.5em; text-align: end; }
  .handout-chapter { break-before: page; }
  .handout-chapter > h1 { font-size: 2rem; margin: 0 0 1.25rem; line-height: 1.2; }
  .sl-markdown-content a[href^="#"] { color: #1e3a8a; }
</style>
</head>
<body>
<main class="handout">
<div class="handout-title"><h1>${escape(title)}</h1><p>${escape(description || text.subtitle)}</p><p>${escape(text.subtitle)}</p><p class="handout-note">${escape(text.note)}</p></div>
<nav class="handout-toc" aria-labelledby="handout-contents"><h1 id="handout-contents">${text.contents}</h1><ol>
${toc}
</ol></nav>
<div class="sl-markdown-content">
${sections}
</div>
</main>
</body>
</html>`;
}

/** The footer: page numbers. Chromium fills the classes pageNumber and totalPages. */
function footerTemplate(lang, title) {
  const text = TEXT[lang];
  const pages = lang === 'en' ? `${text.page} <span class="pageNumber"></span> ${text.of} <span class="totalPages"></span>` : `${text.page} <span class="pageNumber"></span> ${text.of} <span class="totalPages"></span> 页`;
  return `<div style="font-size:8px;width:100%;padding:0 14mm;display:flex;justify-content:space-between;color:#555;font-family:sans-serif"><span>${escape(title)}</span><span>${pages}</span></div>`;
}

/** Prints the handout document to `out`. */
async function printHandout(page, url, html, out, lang, title) {
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.pdf({
    path: out,
    format: 'A4',
    printBackground: true,
    outline: true,
    tagged: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footerTemplate(lang, title),
    margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
  });
  await page.unroute(url);
}

/** Each chapter's first page in a printed PDF, from pdftotext; null when pdftotext is not installed. */
export function chapterPages(pdf, titles, skipPages = 2) {
  const result = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error || result.status !== 0) return null;
  const pages = result.stdout.split('\f');
  const numbers = [];
  let from = skipPages;
  for (const title of titles) {
    const wanted = title.replace(/\s+/g, ' ').trim();
    let found = -1;
    for (let p = from; p < pages.length; p++) {
      const first = pages[p].split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).find((l) => l.length > 0) ?? '';
      if (first === wanted || first.startsWith(wanted)) {
        found = p;
        break;
      }
    }
    if (found < 0) return null;
    numbers.push(found + 1);
    from = found + 1;
  }
  return numbers;
}

/** Renders the handout; returns { out, chapters: [{ title, path }], pageNumbers }. */
export async function makePdf(options) {
  const started = Date.now();
  let server;
  let root = options.url;
  if (!root) {
    ensureBuild(options.dist);
    const base = buildBase(options.dist);
    server = await serve({ dir: options.dist, port: options.port, base });
    root = `http://127.0.0.1:${options.port}${base}`;
  }
  if (!root.endsWith('/')) root += '/';
  // Without --site the handout cannot know where the course will be hosted, so its figure URLs are
  // written relative to the course's home page ("parameters/?H=64"), never as the local server's.
  const publicRoot = options.site ? options.site.replace(/\/?$/, '/') : '';
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 900, height: 1200 }, serviceWorkers: 'block', colorScheme: 'light' });
    // Nothing may be fetched from anywhere but the site itself.
    await context.route((url) => !url.href.startsWith(new URL(root).origin), (route) => route.abort());
    const page = await context.newPage();
    const list = await chapterList(page, root, options.lang);
    if (list.length === 0) throw new Error('pdf: no chapters found in the sidebar');
    const ids = Object.fromEntries(list.map(({ path }) => [path, `ch-${path.replace(/\/$/, '').replace(/[^A-Za-z0-9]+/g, '-')}`]));
    const site = await page.evaluate(() => ({
      title: document.querySelector('.site-title')?.textContent?.trim() ?? document.title,
      description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
    }));
    const chapters = [];
    let styles = [];
    for (const { path, title } of list) {
      await page.goto(`${root}${path}`, { waitUntil: 'domcontentloaded' });
      await hydrate(page);
      const h1 = (await page.locator('main h1').first().textContent())?.trim() || title;
      const { html, styles: pageStyles } = await page.evaluate(extractChapter, { id: ids[path], root, publicRoot, inHandout: ids });
      styles = [...new Set([...styles, ...pageStyles])];
      chapters.push({ id: ids[path], path, title: h1, html });
      console.log(`pdf: ${h1}`);
    }
    mkdirSync(dirname(options.out), { recursive: true });
    const handoutUrl = `${root}__handout/`;
    const render = (pageNumbers) =>
      printHandout(page, handoutUrl, handoutHtml({ lang: options.lang, ...site, chapters, styles, pageNumbers }), options.out, options.lang, site.title);
    // The contents page holds the same lines either way, so the numbers from the first pass stay true in the second.
    await render(chapters.map(() => '000'));
    const pageNumbers = chapterPages(options.out, chapters.map((c) => c.title));
    if (pageNumbers) await render(pageNumbers.map(String));
    else console.log('pdf: pdftotext (poppler-utils) not found or chapters not located; the contents list has no page numbers');
    console.log(`pdf: wrote ${options.out} (${chapters.length} chapters) in ${Math.round((Date.now() - started) / 1000)} s`);
    return { out: options.out, chapters: chapters.map(({ title, path }) => ({ title, path })), pageNumbers };
  } finally {
    await browser.close();
    server?.close();
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  makePdf(readOptions()).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
