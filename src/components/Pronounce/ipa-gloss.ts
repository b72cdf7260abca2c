/**
 * A rough IPA reading of ARPAbet phonemes, for readers who know IPA better than ARPAbet. It maps each
 * phoneme on its own (General American values) and marks stress before the stressed vowel, not before
 * its syllable, so it is a gloss, not a transcription.
 */

const IPA: Readonly<Record<string, string>> = {
  AA: 'ɑ', AE: 'æ', AH: 'ʌ', AO: 'ɔ', AW: 'aʊ', AY: 'aɪ', B: 'b', CH: 'tʃ', D: 'd', DH: 'ð', EH: 'ɛ', ER: 'ɝ',
  EY: 'eɪ', F: 'f', G: 'ɡ', HH: 'h', IH: 'ɪ', IY: 'i', JH: 'dʒ', K: 'k', L: 'l', M: 'm', N: 'n', NG: 'ŋ',
  OW: 'oʊ', OY: 'ɔɪ', P: 'p', R: 'ɹ', S: 's', SH: 'ʃ', T: 't', TH: 'θ', UH: 'ʊ', UW: 'u', V: 'v', W: 'w',
  Y: 'j', Z: 'z', ZH: 'ʒ',
};

/** One ARPAbet phoneme (with an optional stress digit 0, 1 or 2) in IPA; '?' for a symbol it does not know. */
export function ipaOf(phoneme: string): string {
  const match = /^([A-Z]+)([012]?)$/.exec(phoneme);
  if (!match || !Object.hasOwn(IPA, match[1]!)) return '?';
  const [, base, stress] = match as unknown as [string, string, string];
  if (stress === '0' && base === 'AH') return 'ə';
  if (stress === '0' && base === 'ER') return 'ɚ';
  const mark = stress === '1' ? 'ˈ' : stress === '2' ? 'ˌ' : '';
  return mark + IPA[base]!;
}

/** A phoneme sequence as an IPA-ish gloss between slashes. */
export function ipaGloss(phonemes: readonly string[]): string {
  return `/${phonemes.map(ipaOf).join('')}/`;
}
