/** Tensor helpers. References: shapes and values written out by hand here. */
import { describe, expect, it } from 'vitest';
import { allFinite, assertShape, fromData, fromNested, sizeOf, toNested, zeros } from '../../lib/tensor.ts';

describe('tensor', () => {
  it('fromNested / toNested round-trip and shape', () => {
    const nested = [[[1, 2], [3, 4], [5, 6]]];
    const t = fromNested(nested);
    expect(t.shape).toEqual([1, 3, 2]);
    expect([...t.data]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(toNested(t)).toEqual(nested);
    expect(fromNested([1, 2], 'float32').data).toBeInstanceOf(Float32Array);
  });

  it('ragged and non-numeric input throw, naming the path', () => {
    expect(() => fromNested([[1, 2], [3]], 'float64', 'x')).toThrow(/x\[1\] is ragged: expected length 2/);
    expect(() => fromNested([[1, 'a' as never]], 'float64', 'x')).toThrow(/x\[0\]\[1\] is not a number/);
  });

  it('sizes, zeros, fromData and assertShape', () => {
    expect(sizeOf([2, 3, 4])).toBe(24);
    expect(sizeOf([])).toBe(1);
    expect(zeros([2, 2]).data).toEqual(new Float64Array(4));
    expect(() => zeros([2, -1])).toThrow(/invalid shape \[2, -1\]/);
    expect(() => fromData(new Float64Array(5), [2, 3])).toThrow(/length 5 does not fit shape \[2, 3\]/);
    expect(() => assertShape('h0', zeros([1, 2]), [2, 1])).toThrow(/h0 has shape \[1, 2\], expected \[2, 1\]/);
    expect(allFinite([1, 2, 3])).toBe(true);
    expect(allFinite([1, Number.NaN])).toBe(false);
    expect(allFinite([Number.NEGATIVE_INFINITY])).toBe(false);
  });
});
