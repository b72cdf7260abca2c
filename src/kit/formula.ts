/**
 * Reader-typed formulas, parsed and evaluated safely: a mathjs instance built from a whitelist of
 * functions, plus a check of every node of the parsed tree before anything runs. Nothing here calls
 * eval or new Function, assigns to a scope, or reads a property of an object.
 * Errors are values: every failure comes back as a message for the cell that asked.
 */
import {
  absDependencies, addDependencies, ceilDependencies, cosDependencies, create, divideDependencies, eDependencies,
  expDependencies, floorDependencies, logDependencies, maxDependencies, minDependencies, modDependencies,
  multiplyDependencies, parseDependencies, piDependencies, powDependencies, roundDependencies, sinDependencies,
  sqrtDependencies, subtractDependencies, tanhDependencies, unaryMinusDependencies, unaryPlusDependencies,
  type MathNode,
} from 'mathjs';
import { FORMULA_CONSTANTS, FORMULA_FUNCTIONS } from './formula-names.ts';
import { en, kitText, type KitText } from './i18n/kit-text.ts';
import type { Locale } from './locale.ts';

const math = create({
  absDependencies, addDependencies, ceilDependencies, cosDependencies, divideDependencies, eDependencies,
  expDependencies, floorDependencies, logDependencies, maxDependencies, minDependencies, modDependencies,
  multiplyDependencies, parseDependencies, piDependencies, powDependencies, roundDependencies, sinDependencies,
  sqrtDependencies, subtractDependencies, tanhDependencies, unaryMinusDependencies, unaryPlusDependencies,
});

const parse = math.parse;
math.import(
  {
    sigmoid: (x: number) => 1 / (1 + Math.exp(-x)),
    relu: (x: number) => Math.max(0, x),
  },
  { override: true },
);
// As mathjs's security guide advises: switch off everything that could define or evaluate new code.
const disabled = (name: string) => () => {
  throw new Error(`${name} is disabled`);
};
math.import(
  Object.fromEntries(['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'compile', 'reviver', 'replacer'].map((n) => [n, disabled(n)])),
  { override: true },
);

/** Longest formula text accepted; keeps parsing and typesetting cheap. */
export const MAX_FORMULA_LENGTH = 300;
/** Largest magnitude a formula may produce before it counts as "too large". */
export const MAX_RESULT = 1e15;

/** Why a formula could not be used: the message to show in its cell. */
export interface FormulaError {
  readonly ok: false;
  readonly message: string;
}

/** A formula that parsed and passed the whitelist; evaluate it against numbers. */
export interface CompiledFormula {
  readonly ok: true;
  /** The formula as TeX, page variables shown with their symbols. */
  readonly tex: string;
  /** The page-variable and argument names the formula uses. */
  readonly names: readonly string[];
  /** Evaluate with the given values for its names; the result or an error message. */
  evaluate(scope: ReadonlyMap<string, number>): EvaluationResult;
  /** The formula as a plain function of the given arguments (other names from fixedScope); NaN where it fails. */
  toFunction(args: readonly string[], fixedScope?: ReadonlyMap<string, number>): (...values: number[]) => number;
}

/** The value of a formula, or why there is none. */
export type EvaluationResult = { readonly ok: true; readonly value: number } | FormulaError;

/** What a formula may refer to, besides the whitelisted functions and constants. */
export interface FormulaContext {
  /** Names the formula may use: page variables and any function arguments. */
  readonly names: readonly string[];
  /** TeX for some of those names (e.g. H → D_h). */
  readonly texSymbols?: Readonly<Record<string, string>>;
  /** The language of the error messages (default English). */
  readonly locale?: Locale;
}

const ALLOWED_NODES = new Set(['ConstantNode', 'SymbolNode', 'OperatorNode', 'ParenthesisNode', 'FunctionNode', 'ConditionalNode']);

function fail(message: string): FormulaError {
  return { ok: false, message };
}

function describeNode(node: MathNode, t: KitText): string {
  switch (node.type) {
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      return t.formulaAssignment;
    case 'AccessorNode':
    case 'IndexNode':
    case 'ObjectNode':
      return t.formulaPropertyAccess;
    case 'BlockNode':
      return t.formulaOneExpression;
    case 'ArrayNode':
    case 'RangeNode':
      return t.formulaListsRanges;
    default:
      return t.formulaNodeNotAllowed(node.type);
  }
}

/** Check every node against the whitelist; the first problem found, or undefined. */
function findProblem(root: MathNode, names: ReadonlySet<string>, t: KitText): string | undefined {
  let problem: string | undefined;
  root.traverse((node, _path, parent) => {
    if (problem) return;
    if (!ALLOWED_NODES.has(node.type)) problem = describeNode(node, t);
    else if (node.type === 'ConstantNode' && typeof (node as MathNode & { value: unknown }).value !== 'number') problem = t.formulaOnlyNumbers;
    else if (node.type === 'SymbolNode') {
      const name = (node as MathNode & { name: string }).name;
      const isCallee = parent?.type === 'FunctionNode' && (parent as MathNode & { fn: MathNode }).fn === node;
      if (isCallee) {
        if (!Object.hasOwn(FORMULA_FUNCTIONS, name)) problem = t.formulaUnknownFunction(name, Object.keys(FORMULA_FUNCTIONS).join(', '));
      } else if (!names.has(name) && !FORMULA_CONSTANTS.has(name)) {
        problem = t.formulaUnknownName(name, [...names].join(', '));
      }
    } else if (node.type === 'FunctionNode' && (node as MathNode & { fn: MathNode }).fn.type !== 'SymbolNode') {
      problem = t.formulaNamedFunctionsOnly;
    }
  });
  return problem;
}

/** A thrown value's message, without stack or internals. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\(char \d+\)/, '').slice(0, 200);
}

/** Check a computed value: a finite number of sensible size. */
export function checkResult(value: unknown, t: KitText = en): EvaluationResult {
  if (typeof value !== 'number') return fail(t.formulaNotSingleNumber);
  if (Number.isNaN(value)) return fail(t.formulaNaN);
  if (!Number.isFinite(value)) return fail(t.formulaInfinite);
  if (Math.abs(value) > MAX_RESULT) return fail(t.formulaHuge);
  return { ok: true, value };
}

/** Parse, check and compile a reader's formula; never throws. */
export function compileFormula(text: string, context: FormulaContext): CompiledFormula | FormulaError {
  const t = kitText(context.locale);
  if (typeof text !== 'string' || text.trim() === '') return fail(t.formulaEmpty);
  if (text.length > MAX_FORMULA_LENGTH) return fail(t.formulaTooLong(MAX_FORMULA_LENGTH));
  const names = new Set(context.names);
  let root: MathNode;
  try {
    root = parse(text);
  } catch (error) {
    return fail(t.formulaUnreadable(messageOf(error)));
  }
  const problem = findProblem(root, names, t);
  if (problem) return fail(problem);
  let tex: string;
  let code: { evaluate(scope?: Map<string, number>): unknown };
  try {
    tex = toTex(root, context.texSymbols ?? {});
    code = root.compile();
  } catch (error) {
    return fail(t.formulaUnreadable(messageOf(error)));
  }
  const used = new Set<string>();
  root.traverse((node, _path, parent) => {
    const isCallee = parent?.type === 'FunctionNode' && (parent as MathNode & { fn: MathNode }).fn === node;
    if (node.type === 'SymbolNode' && !isCallee) {
      const name = (node as MathNode & { name: string }).name;
      if (names.has(name)) used.add(name);
    }
  });
  const evaluate = (scope: ReadonlyMap<string, number>): EvaluationResult => {
    // A fresh Map per call holding only the formula's own names: the formula sees nothing else.
    const ownScope = new Map<string, number>();
    for (const name of used) {
      const value = scope.get(name);
      if (typeof value !== 'number') return fail(t.formulaNoValue(name));
      ownScope.set(name, value);
    }
    try {
      return checkResult(code.evaluate(ownScope), t);
    } catch (error) {
      return fail(messageOf(error));
    }
  };
  return {
    ok: true,
    tex,
    names: [...used],
    evaluate,
    toFunction(args, fixedScope = new Map()) {
      return (...values: number[]) => {
        const scope = new Map(fixedScope);
        args.forEach((name, i) => scope.set(name, values[i] ?? NaN));
        const result = evaluate(scope);
        return result.ok ? result.value : NaN;
      };
    },
  };
}

/** TeX for a checked tree; symbols are replaced by texSymbols (or by numbers, for a substituted view). */
export function toTex(root: MathNode, symbols: Readonly<Record<string, string>>): string {
  return root.toTex({
    implicit: 'show',
    handler: (node: MathNode) => {
      if (node.type === 'SymbolNode') {
        const name = (node as MathNode & { name: string }).name;
        // Braced, so the "\cdot" mathjs writes before it never runs into the symbol ("\cdotD_h" is no TeX command).
        if (Object.hasOwn(symbols, name)) return `{${symbols[name]}}`;
      }
      return undefined;
    },
  });
}

/** TeX for an expression with each name replaced by the given TeX (e.g. its current value); undefined if it does not parse. */
export function expressionTex(text: string, symbols: Readonly<Record<string, string>>): string | undefined {
  try {
    return toTex(parse(text), symbols);
  } catch {
    return undefined;
  }
}
