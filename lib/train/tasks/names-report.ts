/**
 * What the page shows for the name task: bits per character on held-out names for the model and
 * for the bigram baseline (fitted on the training names), and a few sampled names.
 */
import { bigramBitsPerCharacter, fitBigram } from '../../data/bigram.ts';
import { createRandom } from '../../random.ts';
import { meanLoss } from '../evaluate.ts';
import { sampleNames } from '../sample-names.ts';
import type { TrainingSession } from '../session.ts';
import type { NamesTask } from './names.ts';

/** The bigram's held-out bits per character (add-one smoothing). */
export function namesBaseline(task: NamesTask): { readonly bitsPerCharacter: number } {
  const bigram = fitBigram(task.train, task.vocabulary.symbols.length, 1);
  return { bitsPerCharacter: bigramBitsPerCharacter(bigram, task.validation) };
}

/** Bits per character = mean cross-entropy (nats) / ln 2. */
export function bitsPerCharacter(crossEntropy: number): number {
  return crossEntropy / Math.LN2;
}

/**
 * The model's held-out bpc and `count` names sampled at the temperature from a generator seeded with sampleSeed.
 * The bpc reuses the session's validation loss when it was measured at the current step.
 */
export function namesReport(session: TrainingSession, task: NamesTask, options: { temperature: number; count: number; sampleSeed: number }) {
  const last = session.validationLosses.at(-1);
  const loss = last && last.step === session.steps ? last.loss : meanLoss(session.model, session.head, task, task.validation);
  return {
    bitsPerCharacter: bitsPerCharacter(loss),
    samples: sampleNames(session.model, session.head, task.vocabulary, {
      count: options.count,
      temperature: options.temperature,
      maxLength: 20,
      random: createRandom(options.sampleSeed),
    }),
  };
}
