/**
 * A Svelte rune helper for views whose training may be cut short by a time budget: it recomputes
 * (timed for the widget measures) and, while the view says `pending`, asks again in the next task,
 * so long runs advance in slices of FRAME_BUDGET_MS and the page keeps answering in between.
 */
import { timed } from '../../kit/timing.ts';
import { FRAME_BUDGET_MS } from './trajectory.ts';

/** A reactive view computed in time slices; call during component setup. */
export function useSlicedView<View extends { readonly pending: boolean }>(widget: string, compute: (budgetMs: number) => View): { readonly current: View } {
  const budget = import.meta.env.SSR ? Infinity : FRAME_BUDGET_MS;
  let round = $state(0);
  const view = $derived.by(() => {
    void round; // a new slice
    return timed(widget, () => compute(budget));
  });
  $effect(() => {
    if (!view.pending) return;
    const timer = setTimeout(() => round++, 0);
    return () => clearTimeout(timer);
  });
  return {
    get current() {
      return view;
    },
  };
}
