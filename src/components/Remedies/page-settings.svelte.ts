/** A Svelte rune helper: a widget's settings read from the page's variables, changing only when their values change. */
import { usePageValues } from '../../kit/page-values.svelte.ts';
import type { VariableSpecs, VariableValues } from '../../kit/variables.ts';

/**
 * Reactive settings for a component; call during component setup. They are compared by value (as JSON), so
 * the new values object the page store hands over on hydration, with the same numbers, recomputes nothing.
 */
export function usePageSettings<S>(specs: VariableSpecs, read: (values: VariableValues) => S): { readonly current: S } {
  const page = usePageValues(specs);
  const key = $derived(JSON.stringify(read(page.current)));
  const settings = $derived(JSON.parse(key) as S);
  return {
    get current() {
      return settings;
    },
  };
}
