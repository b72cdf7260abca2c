/** Which loaded resources the offline panel stores, and how it prints sizes. */
import { describe, expect, it } from 'vitest';
import { megabytes, storableUrl } from '../../../../src/components/Site/offline-urls.ts';

describe('storableUrl', () => {
  const scope = 'https://example.org/course/rnn/';

  it('keeps same-origin files under the scope, without the fragment', () => {
    expect(storableUrl('https://example.org/course/rnn/_astro/a.js', scope)).toBe('https://example.org/course/rnn/_astro/a.js');
    expect(storableUrl('https://example.org/course/rnn/bptt/?t=3#top', scope)).toBe('https://example.org/course/rnn/bptt/?t=3');
    expect(storableUrl('data/names.json', scope)).toBe('https://example.org/course/rnn/data/names.json');
  });

  it('drops other origins, paths outside the scope, the worker and the course list', () => {
    expect(storableUrl('https://cdn.example.com/course/rnn/a.js', scope)).toBeNull();
    expect(storableUrl('https://example.org/other/a.js', scope)).toBeNull();
    expect(storableUrl('https://example.org/course/rnn/sw.js', scope)).toBeNull();
    expect(storableUrl('https://example.org/course/rnn/offline-manifest.json', scope)).toBeNull();
    expect(storableUrl('data:text/plain,hi', scope)).toBeNull();
  });

  it('answers null for a malformed scope', () => {
    expect(storableUrl('a.js', 'not a url')).toBeNull();
  });
});

describe('megabytes', () => {
  it('prints one decimal', () => {
    expect(megabytes(0)).toBe('0.0');
    expect(megabytes(43_700_000)).toBe('43.7');
    expect(megabytes(1_234_567)).toBe('1.2');
  });
});
