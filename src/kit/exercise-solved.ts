/**
 * The one signal every exercise sends when the reader's answer is judged right: a bubbling DOM
 * event from the exercise's root, so site chrome (the progress panel) can listen on `document`
 * without knowing any widget.
 */

/** The event's name. */
export const EXERCISE_SOLVED = 'unrolled:exercise-solved';

/** The event's detail: the exercise's id, its 1-based position among the page's exercises. */
export interface ExerciseSolvedDetail {
  readonly id: string;
}

/** The class every exercise's root element carries. */
export const EXERCISE_ROOT_CLASS = 'unrolled-exercise';

/**
 * Announce that the exercise holding `element` was solved. Its id is its position among the
 * page's exercises, which is the same in every language edition of a chapter.
 */
export function reportSolved(element: Element | null): void {
  const root = element?.closest(`.${EXERCISE_ROOT_CLASS}`);
  if (!root) return;
  const position = [...root.ownerDocument.querySelectorAll(`.${EXERCISE_ROOT_CLASS}`)].indexOf(root) + 1;
  const detail: ExerciseSolvedDetail = { id: String(position) };
  root.dispatchEvent(new CustomEvent(EXERCISE_SOLVED, { bubbles: true, detail }));
}
