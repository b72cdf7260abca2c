/** The page variables this chapter's widgets read, by their names in the frontmatter, and their kinds. */
export const VARIABLES = {
  sentence: 'text',
  t: 'number',
  seed: 'number',
  D: 'number',
  H: 'number',
  L: 'number',
} as const;

/** The numbers a page's values give the widgets, with the widget defaults where one is missing. */
export interface WidgetNumbers {
  readonly step: number;
  readonly seed: number;
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly length: number;
}

/** Read the widget's numbers from page values (anything not a finite number falls back to the default). */
export function widgetNumbers(values: Readonly<Record<string, unknown>>): WidgetNumbers {
  const read = (name: string, fallback: number) => {
    const value = values[name];
    return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  };
  return { step: read('t', 5), seed: read('seed', 1), inputSize: read('D', 4), hiddenSize: read('H', 6), length: read('L', 8) };
}

/** The sentence in page values, or '' when it is missing. */
export function widgetSentence(values: Readonly<Record<string, unknown>>): string {
  const value = values.sentence;
  return typeof value === 'string' ? value : '';
}
