/**
 * The offline panel in the browser: registers the service worker (built by
 * src/integrations/service-worker.ts) with workbox-window, stores what this page loaded before the
 * worker took control, says whether this page is available offline, and runs "Make the whole
 * course available offline". The caching itself is the worker's Workbox rules: this script only
 * requests URLs through the worker and checks the Cache API afterwards.
 */
import { Workbox } from 'workbox-window';
import { localeOf, pick } from '../../kit/locale.ts';
import { OFFLINE_TEXT, type OfflineText } from './offline-text.ts';
import { megabytes, storableUrl } from './offline-urls.ts';

/** The course list written by the build (src/integrations/offline-manifest.ts). */
interface CourseList {
  readonly entries: readonly { readonly url: string; readonly bytes: number }[];
  readonly totalBytes: number;
}

/** Downloads at once while storing the course. */
const PARALLEL_DOWNLOADS = 4;

/** The panel's elements. */
interface Panel {
  readonly root: HTMLElement;
  readonly pageStatus: HTMLElement;
  readonly button: HTMLButtonElement;
  readonly progress: HTMLProgressElement;
  readonly courseStatus: HTMLElement;
}

/** Sets a status line (only when it changes, so screen readers hear each message once). */
function say(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** True when `url` is in any of the site's caches (the page cache ignores query strings). */
async function isStored(url: string): Promise<boolean> {
  return (await caches.match(url, { ignoreSearch: new URL(url).pathname.endsWith('/') })) !== undefined;
}

/** Requests `url` through the worker (which stores it) and reads the body; returns its size. */
async function requestThroughWorker(url: string, onBytes: (bytes: number) => void): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const reader = response.body?.getReader();
  if (!reader) return void onBytes((await response.arrayBuffer()).byteLength);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    onBytes(value.length);
  }
}

/** Waits until every URL is in the caches (the worker writes after answering); returns the missing ones. */
async function missingAfterStoring(urls: readonly string[]): Promise<string[]> {
  let missing = [...urls];
  for (let attempt = 0; attempt < 40 && missing.length > 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    const stored = await Promise.all(missing.map(isStored));
    missing = missing.filter((_, index) => !stored[index]);
  }
  return missing;
}

/** The same-origin URLs among `entries` that were loaded without the worker (so it has not stored them). */
function loadedWithoutWorker(entries: readonly PerformanceEntry[], scope: string): string[] {
  const urls = new Set<string>();
  for (const entry of entries as PerformanceResourceTiming[]) {
    const url = entry.workerStart === 0 ? storableUrl(entry.name, scope) : null;
    if (url) urls.add(url);
  }
  return [...urls];
}

/** Every same-origin URL this page has loaded so far, itself included. */
function loadedByPage(scope: string): string[] {
  const urls = new Set<string>([location.href]);
  for (const entry of performance.getEntriesByType('resource')) {
    const url = storableUrl(entry.name, scope);
    if (url) urls.add(url);
  }
  return [...urls];
}

/** Shows whether this page and everything it loaded are in the caches. */
async function showPageStatus(panel: Panel, text: OfflineText, scope: string): Promise<void> {
  const urls = loadedByPage(scope);
  const stored = await Promise.all(urls.map(isStored));
  const available = stored.every(Boolean);
  panel.root.dataset.pageOffline = available ? 'yes' : 'no';
  say(panel.pageStatus, available ? text.pageAvailable : text.pageNotYet);
}

/** Stores every file of the course through the worker, with a determinate progress bar. */
async function storeCourse(panel: Panel, text: OfflineText, base: string): Promise<void> {
  const { button, progress, courseStatus, root } = panel;
  button.disabled = true;
  root.dataset.courseState = 'running';
  progress.hidden = false;
  progress.value = 0;
  say(courseStatus, text.starting);
  try {
    if (!navigator.serviceWorker.controller) {
      root.dataset.courseState = 'failed';
      say(courseStatus, text.noController);
      return;
    }
    const response = await fetch(`${base}offline-manifest.json`, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const list = (await response.json()) as CourseList;
    const entries = list.entries.map((entry) => ({ url: new URL(entry.url, location.href).href, bytes: entry.bytes }));
    progress.max = Math.max(list.totalBytes, 1);
    let files = 0;
    let bytes = 0;
    const failures: string[] = [];
    const report = () => {
      progress.value = Math.min(bytes, progress.max);
      say(courseStatus, text.progress(files, entries.length, megabytes(bytes), megabytes(list.totalBytes)));
    };
    report();
    const queue = [...entries];
    const download = async (): Promise<void> => {
      for (let entry = queue.shift(); entry; entry = queue.shift()) {
        let received = 0;
        try {
          await requestThroughWorker(entry.url, (chunk) => {
            received += chunk;
            bytes += chunk;
            report();
          });
        } catch {
          failures.push(entry.url);
        }
        bytes += entry.bytes - received; // count the file's listed size, whatever arrived
        files += 1;
        report();
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, download));
    const missing = failures.length > 0 ? failures : await missingAfterStoring(entries.map((entry) => entry.url));
    if (missing.length > 0) {
      root.dataset.courseState = 'failed';
      say(courseStatus, text.failed(missing.length, new URL(missing[0]!).pathname));
    } else {
      root.dataset.courseState = 'done';
      progress.value = progress.max;
      say(courseStatus, text.done(entries.length, megabytes(list.totalBytes)));
    }
  } catch (error) {
    root.dataset.courseState = 'failed';
    say(courseStatus, text.failed(1, `${base}offline-manifest.json (${(error as Error).message})`));
  } finally {
    button.disabled = false;
    await showPageStatus(panel, text, new URL(base, location.href).href);
  }
}

/** Says why offline reading is unavailable and turns the button off. */
function unavailable(panel: Panel, message: string): void {
  panel.root.dataset.pageOffline = 'unavailable';
  panel.root.dataset.courseState = 'unavailable';
  panel.button.disabled = true;
  say(panel.pageStatus, message);
}

/** Starts the panel in `root` (the element rendered by OfflinePanel.astro). */
export async function startOfflinePanel(root: HTMLElement): Promise<void> {
  const panel: Panel = {
    root,
    pageStatus: root.querySelector<HTMLElement>('[data-page-status]')!,
    button: root.querySelector<HTMLButtonElement>('[data-store-course]')!,
    progress: root.querySelector<HTMLProgressElement>('progress')!,
    courseStatus: root.querySelector<HTMLElement>('[data-course-status]')!,
  };
  const text = pick(OFFLINE_TEXT, localeOf(document.documentElement.lang));
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  const scope = new URL(base, location.href).href;
  if (!import.meta.env.PROD) return unavailable(panel, text.development);
  if (!window.isSecureContext) return unavailable(panel, text.insecure);
  if (!('serviceWorker' in navigator) || !('caches' in window)) return unavailable(panel, text.unsupported);

  const worker = new Workbox(`${base}sw.js`, { scope: base });
  panel.button.addEventListener('click', () => void storeCourse(panel, text, base));
  // A browser may refuse the worker (an enterprise policy, a privacy setting, a test harness that
  // blocks service workers): workbox-window then rejects, or throws on the missing registration.
  const registration = await worker.register().catch(() => undefined);
  if (!registration) return unavailable(panel, text.refused);
  await worker.controlling;
  // What loaded before the worker took over (the first visit), or without it (a module the browser
  // had in memory), is requested again through it, so that the worker stores it; files the page
  // loads later (a model, a dataset) are checked as they arrive.
  const missed = new Set<string>();
  const navigation = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  for (const url of loadedWithoutWorker(navigation, scope)) missed.add(url);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = async (): Promise<void> => {
    const urls = [...missed];
    missed.clear();
    if (urls.length > 0) {
      if (panel.root.dataset.pageOffline !== 'yes') say(panel.pageStatus, text.pageStoring);
      await Promise.allSettled(urls.map((url) => requestThroughWorker(url, () => undefined)));
      await missingAfterStoring(urls);
    }
    await showPageStatus(panel, text, scope);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void settle(), 300);
  };
  new PerformanceObserver((list) => {
    for (const url of loadedWithoutWorker(list.getEntries(), scope)) missed.add(url);
    schedule();
  }).observe({ type: 'resource', buffered: true });
  schedule();
}
