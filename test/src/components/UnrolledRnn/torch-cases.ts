/** The cases torch-reference.json holds: the chapter's default, and other sizes, seed and a sentence with punctuation. */
export const TORCH_CASES = [
  { sentence: 'the cat sat on the mat', setup: { inputSize: 4, hiddenSize: 6, seed: 1 }, step: 5 },
  { sentence: "Don't stop: the dog bit the man, then the man bit the dog!", setup: { inputSize: 7, hiddenSize: 3, seed: 42 }, step: 9 },
] as const;
