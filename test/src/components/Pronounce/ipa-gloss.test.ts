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
