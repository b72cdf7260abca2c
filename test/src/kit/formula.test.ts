import { afterAll, describe, expect, it } from 'vitest';
import { compileFormula, type CompiledFormula } from '../../../src/kit/formula.ts';
import { renderTex } from '../../../src/kit/katex.ts';

const names = ['H', 'D', 'a'];
const scope = new Map([['H', 128], ['D', 100], ['a', -2]]);
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

function compiled(text: string): CompiledFormula {
  const result = compileFormula(text, { names, texSymbols: { H: 'D_h', D: 'D_{in}' } });
  if (!result.ok) throw new Error(result.message);
  return result;
}

function errorOf(text: string, at = scope): string {
  const result = compileFormula(text, { names });
  if (!result.ok) return result.message;
  const value = result.evaluate(at);
  if (value.ok) throw new Error(`expected an error for ${text}, got ${value.value}`);
  return value.message;
}

describe('compileFormula: valid formulas', () => {
  it('evaluates against page variables (hand-checked: 4·128·(100+128+2) = 117,760)', () => {
    expect(compiled('4*H*(D+H+2)').evaluate(scope)).toEqual({ ok: true, value: 117760 });
    expect(compiled('H*(D+H+1)').evaluate(scope)).toEqual({ ok: true, value: 29312 });
  });
  it('knows the activation functions', () => {
    expect(compiled('max(0, a)').evaluate(scope)).toEqual({ ok: true, value: 0 });
    expect(compiled('(H)(D)').evaluate(scope)).toEqual({ ok: true, value: 12800 });
    expect(compiled('relu(-a)').evaluate(scope)).toEqual({ ok: true, value: 2 });
    expect(compiled('sigmoid(0)').evaluate(scope)).toEqual({ ok: true, value: 0.5 });
    expect(compiled('tanh(0) + exp(0) + log(e) + sqrt(16) + abs(a) + pi*0').evaluate(scope)).toEqual({ ok: true, value: 8 });
  });
  it('typesets to TeX that KaTeX accepts', () => {
    for (const text of ['4*H*(D+H+2)', 'H*D', '2H', 'max(0, a)', 'sigmoid(a)*H', 'H^2/D', '-a', 'a > 0 ? a : 0']) {
      const result = compileFormula(text, { names, texSymbols: { H: 'D_h', D: 'D_{in}' } });
      if (!result.ok) continue;
      expect(renderTex(result.tex, true).ok, `${text} → ${result.tex}`).toBe(true);
    }
  });
  it('typesets with the page symbols', () => {
    expect(compiled('H*(D+H+1)').tex).toContain('D_h');
    expect(compiled('H*(D+H+1)').tex).toContain('D_{in}');
  });
  it('exposes a plain function of its arguments', () => {
    const relu = compiled('max(0, a)').toFunction(['a']);
    expect([relu(-3), relu(0), relu(2.5)]).toEqual([0, 0, 2.5]);
    expect(compiled('a*H').toFunction(['a'], new Map([['H', 3]]))(2)).toBe(6);
    expect(compiled('a*H').toFunction(['a'])(2)).toBeNaN();
  });
});

describe('compileFormula: bad input is an inline error', () => {
  it.each([
    ['4*H*(', /Cannot read/],
    ['H +* D', /Cannot read/],
    ['', /Type a formula/],
    ['x + 1', /Unknown name “x”/],
    ['sinh(H)', /Unknown function “sinh”/],
    ['evaluate("1+1")', /Unknown function|numbers/],
    ['import({}, {})', /Unknown function|not allowed/],
    ['parse("1")', /Unknown function|numbers/],
    ['createUnit("foo")', /Unknown function|numbers/],
    ['"abc"', /Only numbers/],
    ['H = 3', /Assignments/],
    ['f(x) = x^2', /Assignments/],
    ['H; D', /one expression/],
    ['[1, 2, 3]', /Lists/],
    ['1:3', /Lists|ranges/],
    ['{a: 1}', /objects/],
    ['H.constructor', /Property access/],
    ['H["constructor"]', /Property access|numbers/],
    ['constructor', /Unknown name/],
    ['__proto__', /Unknown name/],
    ['toString', /Unknown name/],
    ['constructor.prototype.polluted = 1', /Assignments|Property/],
    ['__proto__.polluted = 1', /Assignments|Property/],
    ['cos.constructor("return process")()', /Cannot read|Property|Only named/],
    ['H.toString()', /Property|Only named/],
    ['x'.repeat(400), /too long/],
  ])('%j', (text, message) => {
    expect(errorOf(text)).toMatch(message);
  });
  it.each([
    ['1/0', /infinite/],
    ['0/0', /NaN/],
    ['log(-1)', /single number|NaN/],
    ['sqrt(a)', /single number/],
    ['exp(1000)', /infinite/],
    ['10^20', /too large/],
    ['H^H', /infinite|too large/],
    ['1e309', /infinite/],
    ['H > D', /single number/],
  ])('non-finite or huge %j', (text, message) => {
    expect(errorOf(text)).toMatch(message);
  });
  it('never throws, and a missing value is reported', () => {
    const result = compileFormula('H + D', { names });
    expect(result.ok && result.evaluate(new Map([['H', 1]]))).toEqual({ ok: false, message: 'No value for “D”.' });
    expect(() => compileFormula(undefined as unknown as string, { names })).not.toThrow();
  });
});

afterAll(() => {
  // Every trick above must leave the global prototypes as they were.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
});
