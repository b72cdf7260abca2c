/** The model card's formatting of metrics.json: missing or malformed fields read "not recorded", never NaN (hand-checked cases). */
import { describe, expect, it } from 'vitest';
import { comparisonRows, count, duration, folderBytes, machineText, megabytes, milliseconds, NOT_RECORDED, percent } from '../../../../src/components/Pronounce/model-card.ts';

describe('model card formatting', () => {
  it('shows rates as percentages and refuses values that are not rates', () => {
    expect(percent(0.0634)).toBe('6.34 %');
    expect(percent(Number.NaN)).toBe(NOT_RECORDED);
    expect(percent(7)).toBe(NOT_RECORDED);
    expect(percent(undefined)).toBe(NOT_RECORDED);
  });
  it('formats counts, durations and milliseconds', () => {
    expect(count(1234567)).toBe('1,234,567');
    expect(duration(5025)).toBe('1 h 24 min');
    expect(duration(725)).toBe('12 min 5 s');
    expect(duration(-1)).toBe(NOT_RECORDED);
    expect(milliseconds(12.3456)).toBe('12.3 ms');
    expect(milliseconds('fast')).toBe(NOT_RECORDED);
  });
  it('describes the machine from a string or from { cpu, cores }', () => {
    expect(machineText({ cpu: 'AMD EPYC', cores: 2 })).toBe('AMD EPYC, 2 cores');
    expect(machineText('a laptop')).toBe('a laptop');
    expect(machineText({})).toBe(NOT_RECORDED);
    expect(machineText(3)).toBe(NOT_RECORDED);
  });
  it('puts our figures first, beside Rao et al. and Yao & Zweig as published', () => {
    const rows = comparisonRows({ per: 0.07, wer: 0.28 });
    expect(rows[0]).toMatchObject({ per: '7.00 %', wer: '28.00 %' });
    expect(rows.map((r) => r.wer)).toEqual(['28.00 %', '25.8 %', '21.3 %', '23.55 %']);
  });
  it('sums the bytes of a model folder in the manifest', () => {
    const manifest = { files: [{ path: 'g2p/a.onnx', bytes: 2_000_000 }, { path: 'g2p/b.json', bytes: 500 }, { path: 'other/c', bytes: 9 }] };
    expect(folderBytes(manifest, 'g2p/')).toBe(2_000_500);
    expect(megabytes(2_000_500)).toBe('2.0 MB');
    expect(megabytes(1500)).toBe('2 kB');
  });
});
