/**
 * What the page shows for the spam task: accuracy, precision and recall on the held-out messages,
 * for the recurrent model (spam when its logit > 0, i.e. σ > 0.5) and for the baseline, TF-IDF
 * features (idf from the training messages, rows scaled to unit length) with logistic regression.
 */
import { bagOfWords } from '../../data/text/bag-of-words.ts';
import { termFrequency, tfIdf } from '../../data/text/tf-idf.ts';
import type { Vocabulary } from '../../data/text/vocabulary.ts';
import { fitLogisticRegression, logisticProbability } from '../logistic-regression.ts';
import { binaryMetrics, type BinaryMetrics } from '../metrics.ts';
import { readoutForward } from '../readout.ts';
import type { TrainingSession } from '../session.ts';
import type { SpamTask } from './spam.ts';

/** TF-IDF row of a document over a fitted vocabulary and idf, scaled to unit length (all zeros stays zeros). */
export function tfIdfRow(tokens: readonly string[], vocabulary: Vocabulary, idf: readonly number[]): number[] {
  const row = bagOfWords(tokens, vocabulary).map((count, j) => termFrequency(count, tokens.length) * idf[j]!);
  const norm = Math.sqrt(row.reduce((sum, w) => sum + w * w, 0));
  return norm === 0 ? row : row.map((w) => w / norm);
}

/** The baseline's held-out metrics. */
export function spamBaseline(task: SpamTask): BinaryMetrics {
  const fitted = tfIdf(task.trainTokens);
  const rows = task.trainTokens.map((tokens) => tfIdfRow(tokens, fitted.vocabulary, fitted.idf));
  const model = fitLogisticRegression(rows, task.train.map((e) => e.label));
  const predicted = task.validationTokens.map((tokens) => logisticProbability(model, tfIdfRow(tokens, fitted.vocabulary, fitted.idf)) > 0.5);
  return binaryMetrics(predicted, task.validation.map((e) => e.label));
}

/** The recurrent model's held-out metrics. */
export function spamReport(session: TrainingSession, task: SpamTask): BinaryMetrics {
  const { logits } = readoutForward(session.model, session.head, 'last-step', task.makeBatch(task.validation));
  return binaryMetrics(Array.from(logits.data, (z) => z > 0), task.validation.map((e) => e.label));
}
