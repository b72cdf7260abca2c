/**
 * Task A, the name generator: character-level, many-to-many. The model reads ". a n n" and must
 * predict "a n n ." (each next character), so its loss is softmax cross-entropy averaged over
 * every predicted character. On held-out names that loss, divided by ln 2, is bits per character.
 */
import { characterVocabulary, encodeWithBoundaries, type CharacterVocabulary } from '../../data/characters.ts';
import { paddedOneHot, paddedTargets } from '../../data/padded-one-hot.ts';
import { crossEntropyLoss } from '../../nn/loss.ts';
import type { TrainingTask } from '../task.ts';

/** The names data as public/data/names.json holds it. */
export interface NamesData {
  readonly train: readonly string[];
  readonly validation: readonly string[];
}

/** The name task with its vocabulary; examples are encoded names (boundary ids at both ends). */
export interface NamesTask extends TrainingTask<readonly number[]> {
  readonly id: 'names';
  readonly vocabulary: CharacterVocabulary;
}

/** Longest name (in characters) the task keeps; longer ones are dropped, as are empty ones. */
export const MAX_NAME_LENGTH = 20;

function usable(names: readonly unknown[]): string[] {
  return names.filter((name): name is string => typeof name === 'string' && name.length > 0 && name.length <= MAX_NAME_LENGTH && !name.includes('.'));
}

/** The name task from its data; the vocabulary is built from the training names only. */
export function createNamesTask(data: NamesData): NamesTask {
  const trainNames = usable(data.train);
  const vocabulary = characterVocabulary(trainNames);
  // A held-out name with a character the training names never use cannot be scored fairly by either model: skip it.
  const validationNames = usable(data.validation).filter((name) => [...name].every((c) => vocabulary.index.has(c)));
  const V = vocabulary.symbols.length;
  return {
    id: 'names',
    vocabulary,
    inputSize: V,
    outputSize: V,
    readout: 'every-step',
    train: trainNames.map((name) => encodeWithBoundaries(name, vocabulary)),
    validation: validationNames.map((name) => encodeWithBoundaries(name, vocabulary)),
    makeBatch(examples) {
      const inputs = examples.map((ids) => ids.slice(0, -1));
      const { input, lengths } = paddedOneHot(inputs, V);
      const targets = paddedTargets(examples.map((ids) => ids.slice(1)), input.shape[0]!);
      return { input, lengths, loss: (logits) => crossEntropyLoss(logits, targets) };
    },
  };
}
