/** A Svelte rune helper: the corpus sample, fetched once the widget is in the browser (undefined until then), and the error if loading failed. */
import { onMount } from 'svelte';
import { loadCorpus, sampleUrl, type Corpus } from './corpus.ts';

/** The shared corpus for a component. Call during component setup. */
export function useCorpus(): { readonly corpus: Corpus | undefined; readonly error: string } {
  let corpus = $state.raw<Corpus | undefined>();
  let error = $state('');
  onMount(() => {
    loadCorpus(sampleUrl(import.meta.env.BASE_URL)).then(
      (loaded) => (corpus = loaded),
      (failure: unknown) => (error = `Could not load the corpus sample (${failure instanceof Error ? failure.message : String(failure)}); the default view is shown.`),
    );
  });
  return {
    get corpus() {
      return corpus;
    },
    get error() {
      return error;
    },
  };
}
