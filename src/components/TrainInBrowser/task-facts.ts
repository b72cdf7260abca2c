/** Fixed facts about the chapter's tasks: titles for captions and the model sizes each implies. */
import { VOCABULARY_SIZE } from '../../../lib/train/tasks/spam.ts';
import type { TaskSizes } from './pytorch-code.ts';
import type { TaskId } from './settings.ts';

/** How captions name each task. */
export const TASK_TITLES: Readonly<Record<TaskId, string>> = {
  names: 'first names (next character)',
  stocks: 'monthly stock prices (next month)',
  spam: 'emails (spam or not)',
};

/** Input and output sizes: 28 name symbols (".", "-", a–z, as public/data/names.json's training names give), one price, the spam vocabulary. */
export const TASK_SIZES: Readonly<Record<TaskId, TaskSizes>> = {
  names: { inputSize: 28, outputSize: 28 },
  stocks: { inputSize: 1, outputSize: 1 },
  spam: { inputSize: VOCABULARY_SIZE, outputSize: 1 },
};
