/**
 * The BM25 widget's logic: the reader's query → lib's BM25 ranking of the corpus sample, with each
 * query word's df and idf and a short excerpt of each hit; messages instead of an empty table.
 */
import { bm25Idf, bm25Rank, tokenize, type Bm25Match } from '../../../lib/index.ts';
import type { Corpus } from './corpus.ts';

/** Rows in the ranking. */
export const TOP = 8;
/** At most this many distinct query words are scored. */
export const MAX_QUERY_TERMS = 12;

/** A query word: in how many messages it occurs, and its idf (undefined when it occurs in none). */
export interface QueryTerm {
  readonly term: string;
  readonly documentFrequency: number;
  readonly idf: number | undefined;
}

/** One ranked message, ready to show. */
export interface RankedMessage {
  readonly rank: number;
  readonly id: string;
  readonly label: 'ham' | 'spam';
  readonly subject: string;
  readonly score: number;
  /** "free ×2, money ×1": which query words it contains. */
  readonly matched: string;
  /** A piece of the body around the first query word, split so matches can be marked. */
  readonly excerpt: readonly ExcerptPart[];
}

/** Text of an excerpt; `match` marks a query word. */
export interface ExcerptPart {
  readonly text: string;
  readonly match: boolean;
}

/** What the ranking widget shows. */
export interface RankingView {
  readonly terms: readonly QueryTerm[];
  readonly rows: readonly RankedMessage[];
  /** Messages containing at least one query word. */
  readonly hits: number;
  readonly spamInTop: number;
  readonly messages: readonly string[];
}

/** Rank the sample for a query with BM25(k1, b). */
export function rankingView(corpus: Corpus, query: string, k1: number, b: number, top = TOP): RankingView {
  const messages: string[] = [];
  let words = [...new Set(tokenize(query))];
  if (words.length === 0) return { terms: [], rows: [], hits: 0, spamInTop: 0, messages: ['Type a query: it has no words yet.'] };
  if (words.length > MAX_QUERY_TERMS) {
    messages.push(`Only the first ${MAX_QUERY_TERMS} of the query's ${words.length} distinct words are used.`);
    words = words.slice(0, MAX_QUERY_TERMS);
  }
  const N = corpus.index.documentCount;
  const terms = words.map((term) => {
    const df = corpus.index.documentFrequency.get(term) ?? 0;
    return { term, documentFrequency: df, idf: df > 0 ? bm25Idf(N, df) : undefined };
  });
  const unknown = terms.filter((t) => t.documentFrequency === 0).map((t) => `“${t.term}”`);
  if (unknown.length === terms.length) {
    return { terms, rows: [], hits: 0, spamInTop: 0, messages: [...messages, `No message in the sample contains ${unknown.join(' or ')}. Try another word.`] };
  }
  if (unknown.length > 0) messages.push(`Not in the sample, so they add nothing: ${unknown.join(', ')}.`);
  const common = terms.filter((t) => t.idf !== undefined && t.idf < 0).map((t) => `“${t.term}”`);
  if (common.length > 0) messages.push(`${common.join(', ')} occur${common.length === 1 ? 's' : ''} in more than half of the messages: a negative idf, so it lowers the score.`);
  const all = bm25Rank(corpus.index, words, { k1, b });
  const rows = all.slice(0, top).map((match, i) => rankedMessage(corpus, match, i + 1, words));
  return { terms, rows, hits: all.length, spamInTop: rows.filter((row) => row.label === 'spam').length, messages };
}

function rankedMessage(corpus: Corpus, match: Bm25Match, rank: number, words: readonly string[]): RankedMessage {
  const message = corpus.messages[match.document]!;
  return {
    rank,
    id: message.id,
    label: message.label,
    subject: message.subject || '(no subject)',
    score: match.score,
    matched: match.contributions.map((c) => `${c.term} ×${c.count}`).join(', '),
    excerpt: excerpt(message.body, words),
  };
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** About `width` characters of text around the first query word, with every query word marked. */
export function excerpt(text: string, words: readonly string[], width = 160): ExcerptPart[] {
  const wanted = new Set(words);
  const flat = text.replace(/\s+/g, ' ');
  let first = -1;
  for (const match of flat.matchAll(WORD)) {
    if (wanted.has(match[0].toLowerCase().replace('’', "'"))) {
      first = match.index;
      break;
    }
  }
  const start = first < 0 ? 0 : Math.max(0, flat.lastIndexOf(' ', Math.max(0, first - width / 3)) + 1);
  let piece = flat.slice(start, start + width);
  if (start + width < flat.length) piece = piece.slice(0, Math.max(piece.lastIndexOf(' '), 1)) + ' …';
  if (start > 0) piece = '… ' + piece;
  const parts: ExcerptPart[] = [];
  let last = 0;
  for (const match of piece.matchAll(WORD)) {
    if (!wanted.has(match[0].toLowerCase().replace('’', "'"))) continue;
    if (match.index > last) parts.push({ text: piece.slice(last, match.index), match: false });
    parts.push({ text: match[0], match: true });
    last = match.index + match[0].length;
  }
  if (last < piece.length) parts.push({ text: piece.slice(last), match: false });
  return parts;
}
