/** Reading the page's values: numbers fall back to the widget defaults, the sentence to ''. */
import { describe, expect, it } from 'vitest';
import { widgetNumbers, widgetSentence } from '../../../../src/components/UnrolledRnn/names.ts';

describe('widgetNumbers and widgetSentence', () => {
  it('read the values, falling back on anything that is not a finite number or a string', () => {
    expect(widgetNumbers({ t: 3, seed: 7, D: 2, H: 5, L: 10 })).toEqual({ step: 3, seed: 7, inputSize: 2, hiddenSize: 5, length: 10 });
    expect(widgetNumbers({ t: Number.NaN, seed: 'x', D: Infinity })).toEqual({ step: 5, seed: 1, inputSize: 4, hiddenSize: 6, length: 8 });
    expect(widgetSentence({ sentence: 'hi' })).toBe('hi');
    expect(widgetSentence({ sentence: 3 })).toBe('');
  });
});
