/** Tokenizer, vocabulary and bag of words on sentences small enough to count by eye. */
import { describe, expect, it } from 'vitest';
import { bagOfWords, bagOfWordsMatrix, buildVocabulary, documentFrequencies, tokenize } from '../../../../lib/index.ts';

describe('tokenize', () => {
  it('lower-cases, splits on anything but letters and digits, keeps inner apostrophes', () => {
    expect(tokenize("The cat's hat -- isn't RED!  2 cats")).toEqual(['the', "cat's", 'hat', "isn't", 'red', '2', 'cats']);
    expect(tokenize('Don’t')).toEqual(["don't"]);
    expect(tokenize('Čaj über naïve')).toEqual(['čaj', 'über', 'naïve']);
  });
  it('gives no tokens for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' ?! -- ... ')).toEqual([]);
  });
});

describe('vocabulary and bag of words', () => {
  const docs = [tokenize('the dog bites the man'), tokenize('the man bites the dog'), tokenize('a cat')];
  const vocabulary = buildVocabulary(docs);

  it('keeps terms in first-seen order', () => {
    expect(vocabulary.terms).toEqual(['the', 'dog', 'bites', 'man', 'a', 'cat']);
    expect(vocabulary.index.get('man')).toBe(3);
  });
  it('counts words and forgets their order', () => {
    // "the" twice, dog, bites, man once each; a and cat absent.
    expect(bagOfWords(docs[0]!, vocabulary)).toEqual([2, 1, 1, 1, 0, 0]);
    expect(bagOfWords(docs[1]!, vocabulary)).toEqual(bagOfWords(docs[0]!, vocabulary));
    expect(bagOfWordsMatrix(docs, vocabulary)[2]).toEqual([0, 0, 0, 0, 1, 1]);
  });
  it('ignores tokens outside the vocabulary', () => {
    expect(bagOfWords(['zebra', 'dog'], vocabulary)).toEqual([0, 1, 0, 0, 0, 0]);
  });
  it('document frequency counts documents, not occurrences', () => {
    // "the" occurs 4 times but in 2 documents.
    expect(documentFrequencies(docs, vocabulary)).toEqual([2, 2, 2, 2, 1, 1]);
  });
});
