/** The TeX a LiveFormula shows: the formula in symbols, the same with today's values, and the result. */
import { texNumber } from './format.ts';
import { compileFormula, expressionTex } from './formula.ts';
import { numericNames, numericScope, texSymbols, type VariableSpecs, type VariableValues } from './variables.ts';

/** What a LiveFormula is asked to show. */
export interface LiveFormulaOptions {
  /** The formula in page-variable names, e.g. "H*(D+H+1)"; it computes the result. */
  readonly expression: string;
  /** Optional hand-written TeX for the formula; {{H}} marks where a variable's symbol (or value) goes. */
  readonly tex?: string;
  /** Optional TeX for the left-hand side, e.g. "N_{\\text{RNN}}". */
  readonly lhs?: string;
  /** Show the line with values substituted (default true). */
  readonly showValues?: boolean;
  /** One step per line (symbols, values, result), for formulas too long for one line. */
  readonly stacked?: boolean;
}

/** TeX for the whole line, or an error message when the author's expression is wrong. */
export type LiveTex = { readonly ok: true; readonly tex: string; readonly value: number } | { readonly ok: false; readonly message: string };

const SLOT = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** Fill a {{name}} template with one TeX string per name; unknown names stay visible as \text{?name}. */
export function fillTemplate(template: string, fill: Readonly<Record<string, string>>): string {
  return template.replace(SLOT, (_match, name: string) => (Object.hasOwn(fill, name) ? `{${fill[name]}}` : `\\text{?${name}}`));
}

/** Build the LiveFormula's TeX from the page's variables and their current values. */
export function liveFormulaTex(options: LiveFormulaOptions, specs: VariableSpecs, values: VariableValues): LiveTex {
  const names = numericNames(specs);
  const symbols = texSymbols(specs);
  const compiled = compileFormula(options.expression, { names, texSymbols: symbols });
  if (!compiled.ok) return { ok: false, message: `LiveFormula “${options.expression}”: ${compiled.message}` };
  const scope = numericScope(specs, values);
  const result = compiled.evaluate(scope);
  if (!result.ok) return { ok: false, message: result.message };
  const numbers: Record<string, string> = {};
  for (const [name, value] of scope) numbers[name] = value < 0 ? `\\left(${texNumber(value)}\\right)` : texNumber(value);
  const symbolic = options.tex ? fillTemplate(options.tex, symbols) : compiled.tex;
  const substituted = options.tex ? fillTemplate(options.tex, numbers) : expressionTex(options.expression, numbers);
  const steps = [symbolic, options.showValues === false ? undefined : substituted, texNumber(result.value)].filter((part): part is string => Boolean(part));
  const tex = options.stacked
    ? `\\begin{aligned}${options.lhs ?? ''} &= ${steps.join(' \\\\ &= ')}\\end{aligned}`
    : [options.lhs, ...steps].filter(Boolean).join(' = ');
  return { ok: true, tex, value: result.value };
}
