/** The IPA gloss: a fixed table (General American values, checked by hand against the IPA chart) and stress marks. */
import { describe, expect, it } from 'vitest';
import { ipaGloss, ipaOf } from '../../../../src/components/Pronounce/ipa-gloss.ts';

describe('ipaGloss', () => {
  it('glosses colonel (K ER1 N AH0 L) with stress and the unstressed schwa', () => {
    expect(ipaGloss(['K', 'ER1', 'N', 'AH0', 'L'])).toBe('/kˈɝnəl/');
  });
  it('marks secondary stress and keeps diphthongs and affricates whole', () => {
    expect(ipaOf('AY2')).toBe('ˌaɪ');
    expect(ipaOf('CH')).toBe('tʃ');
    expect(ipaOf('ER0')).toBe('ɚ');
  });
  it('shows ? for a symbol that is not ARPAbet', () => {
    expect(ipaOf('</s>')).toBe('?');
    expect(ipaOf('QQ1')).toBe('?');
  });
});

describe('the gloss covers the model', () => {
  it("has an IPA reading for every phoneme in the committed vocab.json (special symbols aside)", async () => {
    const { readFileSync } = await import('node:fs');
    const vocab = JSON.parse(readFileSync(new URL('../../../../public/models/g2p/vocab.json', import.meta.url), 'utf8')) as { phonemes: string[] };
    const phonemes = vocab.phonemes.filter((p) => !p.startsWith('<'));
    expect(phonemes).toHaveLength(39);
    for (const phoneme of phonemes) expect(ipaOf(phoneme), phoneme).not.toBe('?');
  });
});
