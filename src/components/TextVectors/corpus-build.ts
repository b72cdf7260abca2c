/** Build-time only (the .astro wrappers): read the committed sample from disk, so default views render without JavaScript. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFromSample, type Corpus, type SpamSample } from './corpus.ts';

let cached: Corpus | undefined;

/** The sample as the build sees it (public/data/spam-sample.json, read from the project root). */
export function buildTimeCorpus(): Corpus {
  cached ??= corpusFromSample(JSON.parse(readFileSync(join(process.cwd(), 'public/data/spam-sample.json'), 'utf8')) as SpamSample);
  return cached;
}
