/** The kit's logic speaks the page's language: number fields, formulas, exercises, heatmaps and the model loader. */
import { describe, expect, it } from 'vitest';
import { checkFormulaAnswer, checkNumericAnswer } from '../../../../src/kit/exercise.ts';
import { compileFormula } from '../../../../src/kit/formula.ts';
import { cellDescription } from '../../../../src/kit/heatmap.ts';
import { kitText } from '../../../../src/kit/i18n/kit-text.ts';
import { parseNumberInput } from '../../../../src/kit/number-input.ts';
import { backendChipText, phaseText, progressText } from '../../../../src/kit/onnx/model-loader-text.ts';

const range = { min: 1, max: 512, step: 1 };

describe('kit messages follow the locale', () => {
  it('number input: English by default, Chinese when asked', () => {
    expect(parseNumberInput('', range)).toEqual({ ok: false, message: 'Enter a number between 1 and 512.' });
    expect(parseNumberInput('', range, 'zh-CN')).toEqual({ ok: false, message: '请输入 1 到 512 之间的数。' });
    expect(parseNumberInput('600', range, 'zh-CN')).toEqual({ ok: false, message: '600 大于最大值 512。' });
    expect(parseNumberInput('2.5', range, 'zh-CN')).toEqual({ ok: false, message: '请输入整数。' });
    expect(parseNumberInput('64', range, 'zh-CN')).toEqual({ ok: true, value: 64 });
  });
  it('formulas: every kind of error in Chinese', () => {
    const zh = { names: ['H'], locale: 'zh-CN' } as const;
    const message = (text: string) => {
      const compiled = compileFormula(text, zh);
      return compiled.ok ? compiled.evaluate(new Map([['H', 0]])) : compiled;
    };
    expect(message('')).toMatchObject({ ok: false, message: '请输入公式。' });
    expect(message('x + 1')).toMatchObject({ ok: false, message: '未知名称“x”。可用的名称：H。' });
    expect(message('foo(H)')).toMatchObject({ ok: false, message: expect.stringMatching(/^未知函数“foo”。/) });
    expect(message('H = 2')).toMatchObject({ ok: false, message: kitText('zh-CN').formulaAssignment });
    expect(message('H*(')).toMatchObject({ ok: false, message: expect.stringMatching(/^无法读取公式：/) });
    expect(message('1/H')).toMatchObject({ ok: false, message: kitText('zh-CN').formulaInfinite });
    expect(compileFormula('x', { names: [] })).toMatchObject({ ok: false, message: 'Unknown name “x”.' });
  });
  it('exercises: verdicts in Chinese', () => {
    expect(checkNumericAnswer('3', 3, {}, 'zh-CN')).toEqual({ status: 'correct', message: '正确。' });
    expect(checkNumericAnswer('4', 3, {}, 'zh-CN').message).toBe('还不对。再试一次，或者看看提示。');
    const reference = (scope: ReadonlyMap<string, number>) => 2 * scope.get('H')!;
    const variables = [{ name: 'H', min: 1, max: 9 }];
    expect(checkFormulaAnswer('2*H', reference, variables, { locale: 'zh-CN' }).message).toBe(kitText('zh-CN').exerciseFormulaCorrect);
    expect(checkFormulaAnswer('3*H', reference, variables, { locale: 'zh-CN' }).message).toMatch(/^还不对：当 H = \d+ 时，你的公式得到 \d+，而正确的数目是 \d+。$/);
    expect(checkFormulaAnswer('3*H', reference, variables).message).toMatch(/^Not quite: at H = \d+/);
  });
  it('heatmap cells and the model loader', () => {
    expect(cellDescription(0, 1, 0.5, undefined, undefined, 'zh-CN')).toBe('第 1 行，第 2 列：0.5');
    expect(cellDescription(0, 1, 0.5)).toBe('row 1, column 2: 0.5');
    expect(phaseText('downloading', '发音模型', 'zh-CN')).toBe('正在下载发音模型…');
    expect(progressText(1.2e6, 7.9e6, 'zh-CN')).toBe('1.2 / 7.9 MB');
    expect(progressText(1.2e6, 7.9e6)).toBe('1.2 of 7.9 MB');
    expect(backendChipText({ backend: 'wasm', threads: 1, crossOriginIsolated: false } as never, 'zh-CN')).toBe('WASM · 1 个线程 · 未跨源隔离');
  });
});
