/** Code templates for PyTorchCode: parsing, build-time problems, Python literals, and substitution that cannot be injected into. */
import { describe, expect, it } from 'vitest';
import { dedent, fillCodeTemplate, parseCodeTemplate, pythonNumber, pythonString, templateProblems } from '../../../src/kit/code-template.ts';
import type { VariableSpecs } from '../../../src/kit/variables.ts';

const specs: VariableSpecs = {
  D: { type: 'number', label: 'Input size', tex: 'D_{in}', default: 100, min: 1, max: 100000, step: 1 },
  H: { type: 'number', label: 'Hidden size', tex: 'D_h', default: 128, min: 1, max: 512, step: 1 },
  lr: { type: 'number', label: 'Learning rate', tex: '\\eta', default: 0.05, min: 0, max: 1, step: 0.0000001 },
  bias: { type: 'boolean', label: 'Bias', tex: 'b', default: true },
  cell: { type: 'choice', label: 'Cell', tex: 'G', options: { RNN: 1, GRU: 3, LSTM: 4 }, default: 'RNN' },
  sentence: { type: 'text', label: 'Sentence', tex: 's', default: 'the cat sat', maxLength: 200 },
};
const defaults = { D: 100, H: 128, lr: 0.05, bias: true, cell: 'RNN', sentence: 'the cat sat' };

describe('parseCodeTemplate', () => {
  it('splits text and slots, with formats', () => {
    expect(parseCodeTemplate('a{{H}}b{{ cell : value }}{{sentence:str}}')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'slot', name: 'H', format: 'python', source: '{{H}}' },
      { kind: 'text', text: 'b' },
      { kind: 'slot', name: 'cell', format: 'value', source: '{{ cell : value }}' },
      { kind: 'slot', name: 'sentence', format: 'str', source: '{{sentence:str}}' },
    ]);
  });
  it('leaves text that is not a slot alone', () => {
    expect(parseCodeTemplate('{ x } {{ 1 }} {{a b}} {H}')).toEqual([{ kind: 'text', text: '{ x } {{ 1 }} {{a b}} {H}' }]);
  });
  it('marks an unknown format', () => {
    expect(parseCodeTemplate('{{H:hex}}')[0]).toMatchObject({ kind: 'slot', name: 'H', format: undefined });
  });
});

describe('templateProblems', () => {
  it('finds nothing wrong in a good template', () => {
    expect(templateProblems('nn.{{cell}}({{D}}, {{H}}, bias={{bias}}) # {{cell:value}} {{sentence:str}}', specs)).toEqual([]);
  });
  it('names an unknown variable and lists the declared ones', () => {
    expect(templateProblems('nn.RNN({{X}})', specs)).toEqual(['{{X}} names no variable of this page: it declares D, H, lr, bias, cell, sentence.']);
    expect(templateProblems('{{X}}', {})[0]).toMatch(/declares none \(add a `variables:` block/);
  });
  it('rejects an unknown format and :value on text', () => {
    expect(templateProblems('{{H:hex}}', specs)[0]).toMatch(/unknown format; write \{\{H\}\}, \{\{H:value\}\} or \{\{H:str\}\}/);
    expect(templateProblems('{{sentence:value}}', specs)[0]).toMatch(/text variable and has no number/);
  });
});

describe('Python literals', () => {
  it('writes numbers plainly, without separators', () => {
    expect(pythonNumber(29440)).toBe('29440');
    expect(pythonNumber(100000)).toBe('100000');
    expect(pythonNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(pythonNumber(0.05)).toBe('0.05');
    expect(pythonNumber(-0.5)).toBe('-0.5');
    expect(pythonNumber(-0)).toBe('0');
    expect(pythonNumber(1e-7)).toBe('1e-7');
    expect(pythonNumber(Number.NaN)).toBe("float('nan')");
    expect(pythonNumber(-Infinity)).toBe("-float('inf')");
  });
  it('quotes strings the way repr() does', () => {
    expect(pythonString('the cat')).toBe("'the cat'");
    expect(pythonString("it's")).toBe('"it\'s"');
    expect(pythonString(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(pythonString('a\\b\nc\td\u0001')).toBe("'a\\\\b\\nc\\td\\x01'");
    expect(pythonString('🐈 ü')).toBe("'🐈 ü'");
  });
});

describe('fillCodeTemplate', () => {
  it('shows each kind of variable as Python', () => {
    const code = 'rnn = nn.{{cell}}(input_size={{D}}, hidden_size={{H}}, bias={{bias}})\nG = {{cell:value}}; b = {{bias:value}}; lr = {{lr}}\ntokens = {{sentence:str}}.split()  # {{sentence}}';
    expect(fillCodeTemplate(code, specs, { ...defaults, D: 12345, cell: 'LSTM', bias: false, lr: 0.001 })).toBe(
      "rnn = nn.LSTM(input_size=12345, hidden_size=128, bias=False)\nG = 4; b = 0; lr = 0.001\ntokens = 'the cat sat'.split()  # the cat sat",
    );
  });
  it('uses defaults for values not given', () => {
    expect(fillCodeTemplate('{{H}} {{bias}} {{cell}}', specs, {})).toBe('128 True RNN');
  });
  it('never reads a value as a slot: braces, backticks and markup in a text stay text', () => {
    const sneaky = '{{H}} `rm -rf` ${D} </code><script>alert(1)</script> {{sentence}}';
    expect(fillCodeTemplate('x = {{sentence}}', specs, { ...defaults, sentence: sneaky })).toBe(`x = ${sneaky}`);
    expect(fillCodeTemplate('x = {{sentence:str}}', specs, { ...defaults, sentence: "'); import os; ('" })).toBe(`x = "'); import os; ('"`);
  });
  it('leaves slots it cannot fill as written', () => {
    expect(fillCodeTemplate('{{X}} {{H:hex}} {{sentence:value}}', specs, defaults)).toBe('{{X}} {{H:hex}} {{sentence:value}}');
  });
  it('falls back to the default for a value of the wrong type', () => {
    expect(fillCodeTemplate('{{H}}', specs, { H: 'oops' })).toBe('128');
  });
});

describe('dedent', () => {
  it('drops blank edges and shared indentation, keeping relative indentation', () => {
    expect(dedent('\n    for x in xs:\n        h = cell(x, h)\n\n    return h\n  ')).toBe('for x in xs:\n    h = cell(x, h)\n\nreturn h');
  });
  it('leaves unindented code alone', () => {
    expect(dedent('a\n  b')).toBe('a\n  b');
  });
});
