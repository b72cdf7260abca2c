/**
 * Time-slicing: run training steps round-robin over the sessions for about `budgetMs`, then hand
 * control back so the worker can post progress and read messages (a pause, a stop). A slice also
 * ends right after a step that measured a validation loss, so that point is posted promptly.
 */

/** The part of a session a slice drives. */
export interface Steppable {
  readonly halted: string | null;
  readonly validationLosses: readonly unknown[];
  step(): number | null;
}

/** How long one slice runs before progress is posted (ms): 50 ms gives about 20 posts a second. */
export const SLICE_MS = 50;

/** Run steps until the budget is spent, every session halted, or a validation happened; returns the steps done. */
export function runSlice(sessions: readonly Steppable[], budgetMs: number, now: () => number): number {
  const start = now();
  let done = 0;
  for (;;) {
    let progressed = false;
    let validated = false;
    for (const session of sessions) {
      if (session.halted) continue;
      const before = session.validationLosses.length;
      session.step();
      done++;
      progressed = true;
      if (session.validationLosses.length !== before) validated = true;
    }
    if (!progressed || validated || now() - start >= budgetMs) return done;
  }
}
