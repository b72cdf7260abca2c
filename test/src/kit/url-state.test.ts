import { describe, expect, it } from 'vitest';
import { readUrlState, writeUrlState } from '../../../src/kit/url-state.ts';
import type { VariableSpecs } from '../../../src/kit/variables.ts';

const specs: VariableSpecs = {
  H: { type: 'number', label: 'Hidden size', tex: 'D_h', default: 128, min: 1, max: 512, step: 1 },
  lr: { type: 'number', label: 'Learning rate', tex: '\\eta', default: 0.1, min: 0, max: 1, step: 0.05 },
  bi: { type: 'boolean', label: 'Bidirectional', tex: 'b', default: false },
  cell: { type: 'choice', label: 'Cell', tex: 'G', options: { RNN: 1, GRU: 3, LSTM: 4 }, default: 'RNN' },
};

describe('URL state', () => {
  it('writes only non-default values and reads them back exactly', () => {
    const params = new URLSearchParams('other=keep');
    writeUrlState(params, specs, { H: 64, lr: 0.1, bi: true, cell: 'LSTM' });
    expect(params.toString()).toBe('other=keep&H=64&bi=1&cell=LSTM');
    expect(readUrlState(specs, params.toString())).toEqual({ H: 64, bi: true, cell: 'LSTM' });
  });
  it('removes a parameter when its value returns to the default', () => {
    const params = new URLSearchParams('H=64&cell=GRU');
    writeUrlState(params, specs, { H: 128, cell: 'GRU' });
    expect(params.toString()).toBe('cell=GRU');
  });
  it.each([
    'H=abc', 'H=', 'H=NaN', 'H=1e309', 'H=Infinity', 'H=0x10', 'H=600', 'H=0', 'H=2.5', 'H=%E0%A4%A', 'H=1%2C000',
    'lr=0.33', 'bi=yes', 'cell=Transformer', 'cell=__proto__', 'cell=constructor', 'cell=toString',
    '__proto__=1', 'constructor=1', 'zzz=1', '&&&===', '%%%', 'H=' + '9'.repeat(400),
  ])('ignores garbage %j and keeps defaults', (search) => {
    const read = readUrlState(specs, search);
    expect(read).toEqual({});
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('keeps the good parameters next to bad ones, and takes the first of repeated keys', () => {
    expect(readUrlState(specs, '?H=abc&cell=GRU&lr=0.35&H=7')).toEqual({ cell: 'GRU', lr: 0.35 });
    expect(readUrlState(specs, '?H=7&H=9')).toEqual({ H: 7 });
    expect(readUrlState(specs, '?bi=true')).toEqual({ bi: true });
  });
});
