/** Checking a multiple-choice answer: every option carries the sentence that explains why it is right or wrong. */
import type { Verdict } from './exercise.ts';
import { kitText } from './i18n/kit-text.ts';
import type { Locale } from './locale.ts';

/** One answer a reader can pick. */
export interface ChoiceOption {
  /** Stable id, used in the DOM and by the widget that owns the question. */
  readonly id: string;
  /** What the reader reads (plain text). */
  readonly label: string;
  /** Whether this answer is right. */
  readonly correct: boolean;
  /** Why it is right or wrong, shown with the verdict. */
  readonly explanation: string;
}

/** A verdict on a picked option, with that option's explanation (none when nothing is picked). */
export interface ChoiceVerdict extends Verdict {
  readonly explanation: string | null;
}

/** The verdict on the picked option (undefined when none is picked), with its explanation. */
export function judgeChoice(options: readonly ChoiceOption[], picked: string | undefined, locale: Locale = 'en'): ChoiceVerdict {
  const t = kitText(locale);
  const option = options.find((o) => o.id === picked);
  if (!option) return { status: 'invalid', message: t.choiceNone, explanation: null };
  return option.correct
    ? { status: 'correct', message: t.exerciseCorrect, explanation: option.explanation }
    : { status: 'incorrect', message: t.choiceWrong, explanation: option.explanation };
}
