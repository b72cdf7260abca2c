/** Functions a reader's formula may call, mapped to what they do (shown in the authoring guide). */
export const FORMULA_FUNCTIONS: Readonly<Record<string, string>> = {
  abs: 'absolute value',
  sqrt: 'square root',
  exp: 'e to the power',
  log: 'natural log; log(x, b) for base b',
  pow: 'pow(x, y) = x^y',
  min: 'smallest argument',
  max: 'largest argument',
  tanh: 'hyperbolic tangent',
  sigmoid: '1 / (1 + exp(-x))',
  relu: 'max(0, x)',
  sin: 'sine',
  cos: 'cosine',
  floor: 'round down',
  ceil: 'round up',
  round: 'round to nearest',
  mod: 'remainder',
};

/** Constants a reader's formula may use. */
export const FORMULA_CONSTANTS: ReadonlySet<string> = new Set(['pi', 'e']);

/** Names a page variable may not take, because formulas already use them. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...Object.keys(FORMULA_FUNCTIONS), ...FORMULA_CONSTANTS]);
