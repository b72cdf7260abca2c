/**
 * Page variables in the URL query: only values that differ from their default are written,
 * and reading never throws: unknown, malformed or out-of-range parameters are ignored, and
 * text is cleaned and cut to its variable's maxLength.
 */
import { cleanText, isValidValue, type VariableSpec, type VariableSpecs, type VariableValue, type VariableValues } from './variables.ts';

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A variable's value as it appears in the URL. */
export function encodeValue(spec: VariableSpec, value: VariableValue): string {
  if (spec.type === 'boolean') return value === true ? '1' : '0';
  return String(value);
}

/** Read one URL value for a variable; undefined when it is malformed or not a value the variable can hold. */
export function decodeValue(spec: VariableSpec, raw: string): VariableValue | undefined {
  let value: unknown;
  if (spec.type === 'number') value = DECIMAL.test(raw) ? Number(raw) : undefined;
  else if (spec.type === 'boolean') value = raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : undefined;
  else if (spec.type === 'text') value = cleanText(raw.slice(0, textInputCap(spec.maxLength)), spec.maxLength).text;
  else value = raw;
  return isValidValue(spec, value) ? value : undefined;
}

/** How many UTF-16 units of a URL text are worth cleaning: enough for maxLength code points, with room for removed characters. */
function textInputCap(maxLength: number): number {
  return 4 * maxLength + 64;
}

/** The page values a query string asks for; everything not asked for, or asked for badly, is left out. */
export function readUrlState(specs: VariableSpecs, search: string | URLSearchParams): Record<string, VariableValue> {
  let params: URLSearchParams;
  try {
    params = typeof search === 'string' ? new URLSearchParams(search) : search;
  } catch {
    return {};
  }
  const values: Record<string, VariableValue> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = params.get(name);
    if (raw === null || (spec.type !== 'text' && raw.length > 64)) continue;
    const value = decodeValue(spec, raw);
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/**
 * Write the page's values into params: non-default values set, default ones removed.
 * Parameters that are not page variables are left alone (another widget may own them).
 */
export function writeUrlState(params: URLSearchParams, specs: VariableSpecs, values: VariableValues): void {
  for (const [name, spec] of Object.entries(specs)) {
    const value = Object.hasOwn(values, name) ? values[name]! : spec.default;
    if (value === spec.default || !isValidValue(spec, value)) params.delete(name);
    else params.set(name, encodeValue(spec, value));
  }
}
