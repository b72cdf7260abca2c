import { describe, expect, it } from 'vitest';
import { fillTemplate, liveFormulaTex } from '../../../src/kit/live-formula.ts';
import type { VariableSpecs } from '../../../src/kit/variables.ts';

const specs: VariableSpecs = {
  D: { type: 'number', label: 'Input size', tex: 'D_{in}', default: 100, min: 1, max: 1000, step: 1 },
  H: { type: 'number', label: 'Hidden size', tex: 'D_h', default: 128, min: 1, max: 512, step: 1 },
  cell: { type: 'choice', label: 'Cell', tex: 'G', options: { RNN: 1, LSTM: 4 }, default: 'RNN' },
};

describe('liveFormulaTex', () => {
  it('shows symbols, values and the result (D_h(D_in + D_h + 1) = 29,312 at 128/100)', () => {
    const line = liveFormulaTex({ expression: 'H*(D+H+1)' }, specs, { D: 100, H: 128 });
    expect(line.ok && line.value).toBe(29312);
    expect(line.ok && line.tex).toMatch(/D_h.*D_\{in\}.*= \{128\}.*100.*= 29\{,\}312$/);
  });
  it('uses a hand-written template, and a choice as its number', () => {
    const line = liveFormulaTex({ expression: 'cell*H*(D+H)', tex: '{{cell}}\\,{{H}}({{D}}+{{H}})', lhs: 'N' }, specs, { D: 100, H: 128, cell: 'LSTM' });
    expect(line.ok && line.tex).toBe('N = {G}\\,{D_h}({D_{in}}+{D_h}) = {4}\\,{128}({100}+{128}) = 116{,}736');
  });
  it('reports an author error instead of throwing', () => {
    expect(liveFormulaTex({ expression: 'H*(' }, specs, {}).ok).toBe(false);
    expect(liveFormulaTex({ expression: 'H/0' }, specs, {}).ok).toBe(false);
    expect(fillTemplate('{{zz}}', {})).toBe('\\text{?zz}');
  });
});

describe('liveFormulaTex stacked', () => {
  it('puts each step on its own aligned line', () => {
    const line = liveFormulaTex({ expression: 'H*(D+H+1)', lhs: 'N', stacked: true }, specs, { D: 100, H: 128 });
    expect(line.ok && line.tex).toMatch(/^\\begin\{aligned\}N &= .*D_h.* \\\\ &= \{128\}.* \\\\ &= 29\{,\}312\\end\{aligned\}$/);
  });
});
