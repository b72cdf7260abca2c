/**
 * The generation widget: the model after k training steps writes as many characters as the word has
 * after its first, starting from the word's first character and feeding each output back in.
 */
import type { VariableValues } from '../../kit/variables.ts';
import { charTask, showCharacter } from './char-task.ts';
import { generate } from './generation.ts';
import { readSettings, type TrainingPageSettings } from './settings.ts';
import { isPending, modelAfter, trajectoryFor } from './trajectory.ts';

/** One generated step as shown: the character fed in, the one chosen, and its probability. */
export interface GenerationStepView {
  readonly t: number;
  readonly input: string;
  readonly output: string;
  readonly probability: number;
  /** Whether the output is the word's character at this place. */
  readonly matches: boolean;
  /** The vocabulary's probabilities at this step, with their characters. */
  readonly distribution: readonly { readonly character: string; readonly probability: number }[];
}

/** The widget's whole state. */
export interface GenerationView {
  readonly settings: TrainingPageSettings;
  readonly message: string | undefined;
  /** Training steps the model had (fewer than k when training stopped). */
  readonly stepsUsed: number;
  readonly steps: readonly GenerationStepView[];
  /** The first character and everything generated after it. */
  readonly text: string;
  /** How many generated characters equal the word's. */
  readonly matches: number;
  /** True while training toward k is still under way; the text is from the model so far. */
  readonly pending: boolean;
}

/** Read the page values, take the trained model and generate; with a time budget (ms), from the steps trained so far. */
export function generationView(values: VariableValues, budgetMs = Infinity): GenerationView {
  const settings = readSettings(values);
  const built = charTask(settings.word);
  const empty = { stepsUsed: 0, steps: [], text: '', matches: 0, pending: false };
  if (!built.ok) return { settings, ...empty, message: built.message };
  const { task } = built;
  try {
    const { hiddenSize, lr, reduction, seed, steps: k, decoding, temperature } = settings;
    const trajectory = trajectoryFor({ task, hiddenSize, lr, reduction, seed }, k, budgetMs);
    const stepsUsed = Math.min(k, trajectory.snapshots.length - 1);
    const model = modelAfter(trajectory, stepsUsed);
    const generated = generate(model, { start: task.inputIndices[0]!, length: task.targetIndices.length, decoding, temperature, seed });
    const steps = generated.map((step, t) => ({
      t: t + 1,
      input: showCharacter(task.vocabulary[step.input]!),
      output: showCharacter(task.vocabulary[step.chosen]!),
      probability: step.probabilities[step.chosen]!,
      matches: step.chosen === task.targetIndices[t],
      distribution: step.probabilities.map((probability, c) => ({ character: showCharacter(task.vocabulary[c]!), probability })),
    }));
    const text = [task.characters[0]!, ...generated.map((s) => task.vocabulary[s.chosen]!)].join('');
    return { settings, message: undefined, stepsUsed, steps, text, matches: steps.filter((s) => s.matches).length, pending: isPending(trajectory, k) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { settings, ...empty, message: `The model could not generate: ${message}` };
  }
}
