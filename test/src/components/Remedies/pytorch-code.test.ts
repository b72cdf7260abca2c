/** The PyTorch block mirrors the clipping widget's settings. The default script was run once with PyTorch 1.13 (/usr/bin/python3). */
import { describe, expect, it } from 'vitest';
import { clipPytorchCode } from '../../../../src/components/Remedies/pytorch-code.ts';
import { DEFAULT_CLIP_SETTINGS } from '../../../../src/components/Remedies/clip-settings.ts';

describe('clipPytorchCode', () => {
  it('default: clip_grad_norm_ with max_norm 1.0, SGD lr 0.01, W_hh = 2·orthogonal, seed 1', () => {
    const code = clipPytorchCode(DEFAULT_CLIP_SETTINGS);
    expect(code).toContain('nn.utils.clip_grad_norm_(params, max_norm=1.0)');
    expect(code).toContain('torch.optim.SGD(params, lr=0.01)');
    expect(code).toContain('nn.init.orthogonal_(rnn.weight_hh_l0, gain=2.0)');
    expect(code).toContain('torch.manual_seed(1)');
    expect(code).toContain("nonlinearity='relu'");
    expect(code).toContain('for step in range(1, 26):');
  });
  it('value mode measures the norm, then clamps with clip_grad_value_', () => {
    const code = clipPytorchCode({ ...DEFAULT_CLIP_SETTINGS, mode: 'value', clipValue: 0.25 });
    expect(code).toContain("max_norm=float('inf')");
    expect(code).toContain('nn.utils.clip_grad_value_(params, clip_value=0.25)');
  });
  it('no clipping only measures', () => {
    const code = clipPytorchCode({ ...DEFAULT_CLIP_SETTINGS, mode: 'none' });
    expect(code).toContain("max_norm=float('inf')");
    expect(code).not.toContain('clip_grad_value_');
  });
});
