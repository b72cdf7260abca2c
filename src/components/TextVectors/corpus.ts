/**
 * The corpus sample (public/data/spam-sample.json, made by scripts/make-spam-sample.mjs): its types,
 * its tokenized form with a BM25 index, and loading it in the browser from the site's own origin.
 */
import { buildBm25Index, tokenize, type Bm25Index } from '../../../lib/index.ts';

/** One message of the sample. */
export interface SampleMessage {
  /** "group/number" in the SpamAssassin corpus, e.g. "spam-2/00874". */
  readonly id: string;
  readonly label: 'ham' | 'spam';
  readonly subject: string;
  /** Plain-text body, headers stripped, cut to about 1,500 characters. */
  readonly body: string;
}

/** The committed sample file. */
export interface SpamSample {
  readonly source: string;
  readonly license: string;
  readonly made: string;
  readonly messages: readonly SampleMessage[];
}

/** The sample ready for the widgets: each message's tokens (subject and body) and a BM25 index. */
export interface Corpus {
  readonly messages: readonly SampleMessage[];
  readonly tokens: readonly (readonly string[])[];
  readonly index: Bm25Index;
}

/** Tokenize every message (subject, then body) and index them for BM25. */
export function corpusFromSample(sample: SpamSample): Corpus {
  const tokens = sample.messages.map((message) => tokenize(`${message.subject}\n${message.body}`));
  return { messages: sample.messages, tokens, index: buildBm25Index(tokens) };
}

/** Where the site serves the sample, under its base path. */
export function sampleUrl(base: string): string {
  return `${base.replace(/\/?$/, '/')}data/spam-sample.json`;
}

let loading: Promise<Corpus> | undefined;

/** Fetch and prepare the sample once per page; every widget shares the result. A failed load may be retried. */
export function loadCorpus(url: string): Promise<Corpus> {
  loading ??= fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      return response.json() as Promise<SpamSample>;
    })
    .then((sample) => {
      if (!Array.isArray(sample?.messages) || sample.messages.length === 0) throw new Error('the file holds no messages');
      return corpusFromSample(sample);
    })
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}
