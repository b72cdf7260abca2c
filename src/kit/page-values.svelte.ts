/** A Svelte rune helper: the page's variable values, reactive, starting from the defaults the server rendered. */
import { declarePageVariables, pageValues } from './page-state.ts';
import { defaultValues, type VariableSpecs, type VariableValues } from './variables.ts';

/** Reactive page values for a component. Call during component setup. */
export function usePageValues(specs: VariableSpecs): { readonly current: VariableValues } {
  // Start from the defaults so hydration matches the server's HTML; the store (and the URL) take over once mounted.
  let current = $state.raw<VariableValues>(defaultValues(specs));
  $effect(() => {
    declarePageVariables(specs);
    return pageValues.subscribe((values) => {
      current = { ...defaultValues(specs), ...values };
    });
  });
  return {
    get current() {
      return current;
    },
  };
}
