/** The PyTorch script follows the settings; its round comment matches lib's scan depth. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src/components/SerialScan/recurrence.ts';
import { pythonNumber, pytorchCode } from '../../../../src/components/SerialScan/pytorch-code.ts';

describe('pytorchCode', () => {
  it('writes the default settings into the script', () => {
    const code = pytorchCode(DEFAULT_SETTINGS);
    expect(code).toContain('torch.manual_seed(1)');
    expect(code).toContain('T, H, D = 16, 4, 2');
    expect(code).toContain('rho = 0.9');
    expect(code).toContain('scale = 0.02');
    expect(code).toContain('# 16 and 4');
    expect(code).toContain('torch.nn.RNN(D, H, bias=False, dtype=f64)');
  });
  it('follows a change of T with the scan’s depth (T = 1000: 10 rounds)', () => {
    const code = pytorchCode({ ...DEFAULT_SETTINGS, sequenceLength: 1000, seed: 42 });
    expect(code).toContain('T, H, D = 1000, 4, 2');
    expect(code).toContain('# 1000 and 10');
    expect(code).toContain('torch.manual_seed(42)');
  });
  it('prints numbers without float noise', () => {
    expect(pythonNumber(0.1 + 0.2)).toBe('0.3');
    expect(pythonNumber(3)).toBe('3');
    expect(pythonNumber(0.05 * 3)).toBe('0.15');
  });
});
