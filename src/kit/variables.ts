/**
 * Page variables: the named values one page shares between its widgets and formulas.
 * A page declares them in its frontmatter (`variables:`); widgets refer to them by name.
 */

/** A numeric page variable, set with a Slider or a NumberField. */
export interface NumberVariableSpec {
  readonly type: 'number';
  /** What the reader sees next to the control, e.g. "Hidden size". */
  readonly label: string;
  /** The variable's symbol in formulas, as TeX (default: the name). */
  readonly tex: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Smallest change; values are min + k·step (default 1). */
  readonly step: number;
}

/** An on/off page variable, set with a Toggle; it is 1 or 0 inside formulas. */
export interface BooleanVariableSpec {
  readonly type: 'boolean';
  readonly label: string;
  readonly tex: string;
  readonly default: boolean;
}

/** A page variable chosen from named options, set with a Choice; each option stands for a number in formulas. */
export interface ChoiceVariableSpec {
  readonly type: 'choice';
  readonly label: string;
  readonly tex: string;
  /** Option name → the number it stands for in formulas, in display order. */
  readonly options: Readonly<Record<string, number>>;
  readonly default: string;
}

/** A page variable holding text the reader types, set with a TextField; formulas cannot use it. */
export interface TextVariableSpec {
  readonly type: 'text';
  readonly label: string;
  readonly tex: string;
  readonly default: string;
  /** The most characters (Unicode code points) it holds; longer text is cut (default 200). */
  readonly maxLength: number;
}

/** Any page variable's declaration. */
export type VariableSpec = NumberVariableSpec | BooleanVariableSpec | ChoiceVariableSpec | TextVariableSpec;

/** All variables of one page, by name. */
export type VariableSpecs = Readonly<Record<string, VariableSpec>>;

/** A page variable's current value: a number, a boolean, a choice's option name, or a text. */
export type VariableValue = number | boolean | string;

/** Current values of a page's variables, by name. */
export type VariableValues = Readonly<Record<string, VariableValue>>;

/** Each variable's default value. */
export function defaultValues(specs: VariableSpecs): Record<string, VariableValue> {
  const values: Record<string, VariableValue> = {};
  for (const [name, spec] of Object.entries(specs)) values[name] = spec.default;
  return values;
}

/** Whether a value is one the variable can hold (right type, in range, on a step, a known option). */
export function isValidValue(spec: VariableSpec, value: unknown): value is VariableValue {
  switch (spec.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= spec.min && value <= spec.max && isOnStep(spec, value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'choice':
      return typeof value === 'string' && Object.hasOwn(spec.options, value);
    case 'text':
      return typeof value === 'string' && cleanText(value, spec.maxLength).text === value;
  }
}

/** Characters a text variable never holds: C0/C1 controls (but tab and newline), lone surrogates, bidi overrides. */
const UNWANTED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** What cleaning a text gave: the text, and whether it was cut at maxLength. */
export interface CleanedText {
  readonly text: string;
  readonly cut: boolean;
}

/** Make any string a value a text variable can hold: CRLF to LF, unwanted characters removed, cut to maxLength code points. */
export function cleanText(raw: string, maxLength: number): CleanedText {
  const clean = raw.replace(/\r\n?/g, '\n').replace(UNWANTED, '');
  const points = Array.from(clean);
  return points.length > maxLength ? { text: points.slice(0, maxLength).join(''), cut: true } : { text: clean, cut: false };
}

/** A text's length as the reader counts it: in code points, so an emoji is one. */
export function textLength(text: string): number {
  return Array.from(text).length;
}

/** Whether value lies on the grid min + k·step (within floating-point noise). */
export function isOnStep(spec: NumberVariableSpec, value: number): boolean {
  const steps = (value - spec.min) / spec.step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

/** The number a value stands for inside formulas: numbers as they are, booleans 1/0, choices their option's number; NaN for text. */
export function numericValue(spec: VariableSpec, value: VariableValue): number {
  if (spec.type === 'text') return Number.NaN;
  if (spec.type === 'boolean') return value === true ? 1 : 0;
  if (spec.type === 'choice') return typeof value === 'string' && Object.hasOwn(spec.options, value) ? spec.options[value]! : spec.options[spec.default]!;
  return typeof value === 'number' ? value : spec.default;
}

/** The names formulas may use: every variable but text ones. */
export function numericNames(specs: VariableSpecs): string[] {
  return Object.entries(specs)
    .filter(([, spec]) => spec.type !== 'text')
    .map(([name]) => name);
}

/** Every variable as a number, ready to hand to a formula (text variables are left out). */
export function numericScope(specs: VariableSpecs, values: VariableValues): Map<string, number> {
  const scope = new Map<string, number>();
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.type === 'text') continue;
    scope.set(name, numericValue(spec, Object.hasOwn(values, name) ? values[name]! : spec.default));
  }
  return scope;
}

/** Each variable's TeX symbol, by name. */
export function texSymbols(specs: VariableSpecs): Record<string, string> {
  const symbols: Record<string, string> = {};
  for (const [name, spec] of Object.entries(specs)) symbols[name] = spec.tex;
  return symbols;
}
