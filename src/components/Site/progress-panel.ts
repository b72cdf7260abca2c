/**
 * The progress panel's behaviour (plain DOM, no framework): records exercises solved and chapters
 * read on this page, marks the sidebar's chapter links, and runs Export, Import and Reset.
 */
import { EXERCISE_SOLVED, type ExerciseSolvedDetail } from '../../kit/exercise-solved.ts';
import { localeOf, pick } from '../../kit/locale.ts';
import { CHAPTERS, chapterOfPath, type ChapterSlug } from '../../kit/progress/chapters.ts';
import { MAX_PROGRESS_FILE_BYTES, PROGRESS_FILE_NAME, progressFileText, readProgressFile } from '../../kit/progress/progress-file.ts';
import { emptyProgress, isExerciseId, markRead, markSolved, mergeProgress, solvedIn, summarize, type Progress } from '../../kit/progress/record.ts';
import { browserStorage, clearProgress, loadProgress, PROGRESS_STORAGE_KEY, saveProgress, type StoreResult } from '../../kit/progress/storage.ts';
import { PROGRESS_TEXT } from './progress-text.ts';

const BASE = import.meta.env.BASE_URL;

/** The element inside `root` marked with `data-progress="name"`. */
function part<T extends HTMLElement>(root: HTMLElement, name: string): T {
  const element = root.querySelector<T>(`[data-progress="${name}"]`);
  if (!element) throw new Error(`progress panel: missing [data-progress="${name}"]`);
  return element;
}

/** Wire up one progress panel (the sidebar holds exactly one). */
export function initProgressPanel(root: HTMLElement): void {
  const text = pick(PROGRESS_TEXT, localeOf(root.dataset.locale));
  const storage = browserStorage();
  let progress = loadProgress(storage);
  const summary = part(root, 'summary');
  const status = part(root, 'status');
  const alert = part(root, 'alert');
  const warning = part(root, 'warning');
  const fileInput = part<HTMLInputElement>(root, 'file');
  const resetButton = part<HTMLButtonElement>(root, 'reset');
  const confirm = part(root, 'confirm');
  const cancelButton = part<HTMLButtonElement>(root, 'reset-cancel');

  /** Say something: calm news in the status region, a problem in the alert region. */
  const say = (message: string, kind: 'status' | 'alert' = 'status'): void => {
    (kind === 'status' ? alert : status).textContent = '';
    (kind === 'status' ? status : alert).textContent = message;
  };
  const noteStorage = (result: StoreResult): void => {
    warning.textContent = result.ok ? '' : text.storage(result.trouble);
    warning.hidden = result.ok;
  };
  const commit = (next: Progress): void => {
    if (next === progress) return;
    progress = next;
    noteStorage(saveProgress(storage, progress));
    render();
  };

  function render(): void {
    const { chaptersRead, exercisesSolved } = summarize(progress);
    summary.textContent = text.summary(chaptersRead, CHAPTERS.length, exercisesSolved);
    for (const link of document.querySelectorAll<HTMLAnchorElement>('#starlight__sidebar a[href]')) {
      const chapter = chapterOfPath(new URL(link.href, location.href).pathname, BASE);
      if (chapter) markLink(link, chapter);
    }
  }

  function markLink(link: HTMLAnchorElement, chapter: ChapterSlug): void {
    link.querySelector('.unrolled-progress-marks')?.remove();
    const read = progress.read[chapter] !== undefined;
    const solved = solvedIn(progress, chapter);
    if (!read && solved === 0) return;
    const marks = document.createElement('span');
    marks.className = 'unrolled-progress-marks';
    if (read) marks.append(visible('✓', 'unrolled-progress-read'), hiddenText(text.readMark));
    if (solved > 0) marks.append(visible(text.solvedBadge(solved), 'unrolled-progress-solved'), hiddenText(text.solvedMark(solved)));
    link.append(marks);
  }

  // Record: exercises judged right on this chapter, and reaching the end of it.
  const chapter = chapterOfPath(location.pathname, BASE);
  if (chapter) {
    document.addEventListener(EXERCISE_SOLVED, (event) => {
      const { id } = (event as CustomEvent<ExerciseSolvedDetail>).detail ?? {};
      if (typeof id === 'string' && isExerciseId(id)) commit(markSolved(progress, chapter, id, new Date().toISOString()));
    });
    watchEnd(() => {
      const next = markRead(progress, chapter, new Date().toISOString());
      if (next !== progress) say(text.markedRead);
      commit(next);
    });
  }
  // Another tab changed the progress.
  window.addEventListener('storage', (event) => {
    if (event.key !== PROGRESS_STORAGE_KEY && event.key !== null) return;
    progress = loadProgress(storage);
    render();
  });

  part(root, 'export').addEventListener('click', async () => {
    const blob = new Blob([await progressFileText(progress, new Date().toISOString())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = PROGRESS_FILE_NAME;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(text.exported(PROGRESS_FILE_NAME));
  });

  part(root, 'import').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    if (file.size > MAX_PROGRESS_FILE_BYTES) {
      say(text.problem({ kind: 'too-large', bytes: file.size, limit: MAX_PROGRESS_FILE_BYTES }) + text.unchanged, 'alert');
      return;
    }
    let content: string;
    try {
      content = await file.text();
    } catch {
      say(text.unreadableFile + text.unchanged, 'alert');
      return;
    }
    const checked = await readProgressFile(content);
    if (!checked.ok) {
      say(text.problem(checked.problem) + text.unchanged, 'alert');
      return;
    }
    const merged = mergeProgress(progress, checked.value);
    progress = merged;
    noteStorage(saveProgress(storage, progress));
    render();
    const { chaptersRead, exercisesSolved } = summarize(progress);
    say(text.imported(chaptersRead, exercisesSolved));
  });

  // Reset asks first, in place; Cancel is focused, so Enter alone never erases anything.
  const closeConfirm = (): void => {
    confirm.hidden = true;
    resetButton.setAttribute('aria-expanded', 'false');
    resetButton.focus();
  };
  resetButton.addEventListener('click', () => {
    confirm.hidden = false;
    resetButton.setAttribute('aria-expanded', 'true');
    cancelButton.focus();
  });
  cancelButton.addEventListener('click', closeConfirm);
  part(root, 'reset-yes').addEventListener('click', () => {
    progress = emptyProgress();
    noteStorage(clearProgress(storage));
    render();
    closeConfirm();
    say(text.resetDone);
  });

  if (!storage) noteStorage({ ok: false, trouble: 'unavailable' });
  render();
  root.hidden = false;
}

/** A visible mark hidden from screen readers (they get the text next to it). */
function visible(content: string, className: string): HTMLElement {
  const span = document.createElement('span');
  span.className = className;
  span.setAttribute('aria-hidden', 'true');
  span.textContent = content;
  return span;
}

/** Text only screen readers read. */
function hiddenText(content: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'sr-only';
  span.textContent = content;
  return span;
}

/** Call `reached` once, when the end of the page's article scrolls into view. */
function watchEnd(reached: () => void): void {
  const content = document.querySelector('.sl-markdown-content');
  if (!content || typeof IntersectionObserver === 'undefined') return;
  const end = document.createElement('div');
  end.className = 'unrolled-progress-end';
  end.setAttribute('aria-hidden', 'true');
  content.append(end);
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    reached();
  });
  observer.observe(end);
}
