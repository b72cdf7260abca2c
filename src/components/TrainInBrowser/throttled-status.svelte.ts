/** A Svelte rune helper: the status sentence, re-announced at once on a change of state and otherwise at most every few seconds. */
import { untrack } from 'svelte';
import { shouldAnnounce, statusText, type StatusFacts, type TrainerState } from './status.ts';

/** The throttled status text of changing facts. Call during component setup. */
export function throttledStatus(facts: () => StatusFacts): { readonly text: string } {
  let text = $state(untrack(() => statusText(facts())));
  let lastState: TrainerState = untrack(() => facts().state);
  let lastAt = 0;
  $effect(() => {
    const current = facts();
    const now = performance.now();
    if (shouldAnnounce(lastState, current.state, lastAt, now)) {
      text = statusText(current);
      lastState = current.state;
      lastAt = now;
    }
  });
  return {
    get text() {
      return text;
    },
  };
}
