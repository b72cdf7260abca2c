/** A Svelte rune helper: the value of the latest promise a reactive function started (older answers are dropped). */

/** Reactive: `current` is what the newest promise from `start` resolved to; null until then, or when `start` gives null. */
export function useLatest<T>(start: () => Promise<T> | null): { readonly current: T | null } {
  let current = $state.raw<T | null>(null);
  let request = 0;
  $effect(() => {
    const promise = start();
    const mine = ++request;
    if (!promise) {
      current = null;
      return;
    }
    void promise.then((value) => {
      if (mine === request) current = value;
    });
  });
  return {
    get current() {
      return current;
    },
  };
}
