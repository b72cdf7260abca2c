/**
 * "The same in PyTorch": plain Python and torch code that vectorises the reader's sentences the way
 * this page does (tokens, vocabulary, counts, TF-IDF, an nn.Embedding lookup), with lib's results in
 * comments so a reader can check the two agree. nn.Embedding draws its own random E, so only the
 * shapes of the lookup match, not its numbers.
 */
import { pythonString } from '../../kit/code-template.ts';
import { embeddingView } from './embedding-view.ts';
import { MAX_SENTENCES, sentenceVectors } from './sentence-vectors.ts';

/** Numbers as torch prints them, four decimals. */
function tensorText(values: readonly number[], limit = 6): string {
  const shown = values.slice(0, limit).map((v) => (Object.is(v, -0) ? 0 : v).toFixed(4));
  return `[${shown.join(', ')}${values.length > limit ? ', …' : ''}]`;
}

/** The code for the current sentences and embedding size. */
export function pytorchCode(text: string, dimension: number, seed: number): string {
  const view = sentenceVectors(text);
  const sentences = view.sentences.length > 0 ? view.sentences : ['type a sentence'];
  const lines = ['sentences = [', ...sentences.map((s) => `    ${pythonString(s)},`), ']'];
  const result = view.result;
  const embedded = embeddingView(sentences.join('\n'), dimension, seed);
  const vocabNote = result ? `# ${result.vocabulary.terms.length} words: ${result.vocabulary.terms.slice(0, 8).join(', ')}${result.vocabulary.terms.length > 8 ? ', …' : ''}` : '';
  return [
    'import re',
    'import torch',
    'from torch import nn',
    '',
    `# One document per line (this page uses the first ${MAX_SENTENCES}).`,
    ...lines,
    '',
    '# Lower-case words: runs of letters or digits, inner apostrophes kept.',
    `tokens = [re.findall(r"[^\\W_]+(?:['’][^\\W_]+)*", s.lower()) for s in sentences]`,
    '',
    '# The vocabulary: each new word gets the next column.',
    'vocab = {}',
    'for sentence in tokens:',
    '    for word in sentence:',
    '        vocab.setdefault(word, len(vocab))',
    vocabNote,
    '',
    '# Bag of words: counts[d, j] = how often word j occurs in sentence d.',
    'counts = torch.zeros(len(tokens), len(vocab), dtype=torch.float64)',
    'for d, sentence in enumerate(tokens):',
    '    for word in sentence:',
    '        counts[d, vocab[word]] += 1',
    result ? `print(counts[0])  # ${tensorText(result.counts[0]!)}` : 'print(counts)',
    '',
    '# TF-IDF: tf = count / length, idf = ln(N / (1 + df)).',
    'N = len(tokens)',
    'lengths = counts.sum(dim=1, keepdim=True).clamp(min=1)  # an empty line keeps tf = 0',
    'df = (counts > 0).sum(dim=0)',
    'idf = torch.log(N / (1 + df))',
    'tfidf = counts / lengths * idf',
    result ? `print(tfidf[0])  # ${tensorText(result.weights[0]!)}` : 'print(tfidf)',
    '',
    '# The RNN reads embeddings: E has one row per word, and a word is its row.',
    `torch.manual_seed(${seed})`,
    `embedding = nn.Embedding(len(vocab), ${dimension})  # E: [${embedded.vocabularySize}, ${dimension}], drawn from N(0, 1)`,
    'ids = torch.tensor([vocab[w] for w in tokens[0]])',
    `x = embedding(ids)  # ids ${embedded.ids.length > 0 ? `[${embedded.ids.join(', ')}]` : '[]'}`,
    `print(x.shape)  # torch.Size([${embedded.ids.length}, ${dimension}]): one row of E per word`,
  ]
    .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
    .join('\n');
}
