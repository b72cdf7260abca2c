// The committed metrics.json (scripts/g2p/evaluate.py) against an independent recount here:
// the held-out split redone in TypeScript from the npm dictionary with the same crc32 rule, and
// the greedy error rates of the TypeScript pipeline on a 200-word held-out sample (decoded by
// decode-parity.test.ts and equal to PyTorch's there).
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { dictionary } from 'cmu-pronouncing-dictionary';
import { describe, expect, it } from 'vitest';
import { G2P_DIR } from './ort-node-runner.ts';

const metrics = JSON.parse(readFileSync(`${G2P_DIR}metrics.json`, 'utf8'));
const sample = JSON.parse(readFileSync(new URL('../../fixtures/g2p/decode.json', import.meta.url), 'utf8')).sample;

/** The split of scripts/g2p/data.py, redone: words of a–z and "'" only (so no "word(2)"), no "# comment". */
function countSplit() {
  const counts = { train: 0, valid: 0, test: 0 };
  for (const [word, pronunciation] of Object.entries(dictionary)) {
    if (!/^[a-z']+$/.test(word) || pronunciation.includes('#')) continue;
    const hash = crc32(Buffer.from(word, 'utf8'));
    if (hash % 10 === 0) counts.test += 1;
    else if (hash % 100 === 1) counts.valid += 1;
    else counts.train += 1;
  }
  return counts;
}

describe('metrics.json', () => {
  it('counts the same held-out, validation and training words as the crc32 rule here', () => {
    const counts = countSplit();
    expect(metrics.heldOutWords).toBe(counts.test);
    expect(metrics.validWords).toBe(counts.valid);
    expect(metrics.trainWords).toBe(counts.train);
    expect(metrics.splitRule).toContain('crc32');
  });

  it('is in line with the TypeScript pipeline on a 200-word held-out sample', () => {
    // A 200-word sample's rates scatter around the full held-out rates: PER by about 1 point
    // (binomial on ~1400 phonemes), WER by about 3 points (binomial on 200 words). Allow 3 and 10.
    expect(Math.abs(sample.per - metrics.per)).toBeLessThan(0.03);
    expect(Math.abs(sample.wer - metrics.wer)).toBeLessThan(0.1);
    expect(metrics.per).toBeGreaterThan(0);
    expect(metrics.params).toBeGreaterThanOrEqual(1_000_000);
  });
});
