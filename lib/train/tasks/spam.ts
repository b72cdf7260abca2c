/**
 * Task C, spam or not: many-to-one. Each message (subject and body) is cut into lower-case words,
 * the first MAX_WORDS kept; each word is a one-hot vector over the training split's most frequent
 * words (others are <unk>). Messages have different lengths, so a batch is padded and the layer is
 * told each length: h_n is the state after a message's own last word, never after padding. The
 * head reads h_n and gives one logit; the loss is BCE with logits (sigmoid + binary cross-entropy).
 *
 * The split is fixed: every 5th message of the sample (index 4, 9, …) is held out.
 */
import { frequentWords, wordIds, type WordVocabulary } from '../../data/frequent-words.ts';
import { paddedOneHot } from '../../data/padded-one-hot.ts';
import { tokenize } from '../../data/text/tokenize.ts';
import { bceWithLogitsLoss } from '../../nn/loss.ts';
import { fromData } from '../../tensor.ts';
import type { TrainingTask } from '../task.ts';

/** One message as public/data/spam-sample.json holds it. */
export interface SpamMessage {
  readonly label: string;
  readonly subject: string;
  readonly body: string;
}

/** An encoded message: word ids and label (1 = spam). */
export interface SpamExample {
  readonly ids: readonly number[];
  readonly label: number;
}

/** Words kept from the start of each message. */
export const MAX_WORDS = 40;
/** Vocabulary size, <unk> included. */
export const VOCABULARY_SIZE = 200;
/** Every HELD_OUT_EVERY-th message is held out. */
export const HELD_OUT_EVERY = 5;

/** The spam task. */
export interface SpamTask extends TrainingTask<SpamExample> {
  readonly id: 'spam';
  readonly vocabulary: WordVocabulary;
  /** Tokens (cut to MAX_WORDS) of the training and held-out messages, for the baseline. */
  readonly trainTokens: readonly (readonly string[])[];
  readonly validationTokens: readonly (readonly string[])[];
}

/** A message's first MAX_WORDS words. */
export function messageTokens(message: SpamMessage): string[] {
  return tokenize(`${message.subject} ${message.body}`).slice(0, MAX_WORDS);
}

/** Whether i is a held-out index under the fixed split. */
export function isHeldOut(index: number): boolean {
  return index % HELD_OUT_EVERY === HELD_OUT_EVERY - 1;
}

/** The spam task from the sample's messages (messages without a word are dropped). */
export function createSpamTask(messages: readonly SpamMessage[]): SpamTask {
  const kept = messages.filter((m) => typeof m?.subject === 'string' && typeof m?.body === 'string' && (m.label === 'spam' || m.label === 'ham'))
    .map((m) => ({ tokens: messageTokens(m), label: m.label === 'spam' ? 1 : 0 }))
    .filter((m) => m.tokens.length > 0);
  const trainPart = kept.filter((_, i) => !isHeldOut(i));
  const validationPart = kept.filter((_, i) => isHeldOut(i));
  const vocabulary = frequentWords(trainPart.map((m) => m.tokens), VOCABULARY_SIZE);
  const V = vocabulary.words.length;
  const encode = (m: { tokens: string[]; label: number }): SpamExample => ({ ids: wordIds(m.tokens, vocabulary), label: m.label });
  return {
    id: 'spam',
    vocabulary,
    trainTokens: trainPart.map((m) => m.tokens),
    validationTokens: validationPart.map((m) => m.tokens),
    inputSize: V,
    outputSize: 1,
    readout: 'last-step',
    train: trainPart.map(encode),
    validation: validationPart.map(encode),
    makeBatch(examples) {
      const { input, lengths } = paddedOneHot(examples.map((e) => e.ids), V);
      const target = fromData(Float64Array.from(examples, (e) => e.label), [examples.length, 1]);
      return { input, lengths, loss: (logits) => ({ ...bceWithLogitsLoss(logits, target), count: examples.length }) };
    },
  };
}
