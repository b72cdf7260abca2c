/**
 * The initialisation widget's PyTorch code follows its settings: He's call names the chosen activation,
 * so its gain is the one the widget's own Kaiming scheme uses (torch.nn.init.calculate_gain: tanh 5/3,
 * relu √2; lib/nn/init.ts mirrors it and test/lib/nn checks that against PyTorch). The default script
 * was run once with PyTorch 1.13 (/usr/bin/python3) and printed a spectral radius for each scheme.
 */
import { describe, expect, it } from 'vitest';
import { calculateGain } from '../../../../lib/nn/init.ts';
import { DEFAULT_INIT } from '../../../../src/components/Remedies/init-compare.ts';
import { gainText, initPytorchCode, kaimingCall } from '../../../../src/components/Remedies/init-pytorch-code.ts';
import { INIT_TEXT } from '../../../../src/components/Remedies/init-text.ts';

describe('initPytorchCode', () => {
  it('default (tanh): He is kaiming_normal_ with nonlinearity tanh, never relu', () => {
    const code = initPytorchCode(DEFAULT_INIT);
    expect(code).toContain("nn.init.kaiming_normal_(W, nonlinearity='tanh')");
    expect(code).not.toContain("'relu'");
    expect(code).toContain("nn.RNN(input_size=4, hidden_size=H, nonlinearity='tanh')");
    expect(code).toContain('# gain 5/3, from f');
    expect(code).toContain('torch.manual_seed(1)');
    expect(code).toContain('H = 16');
  });
  it('ReLU: the He call and the RNN switch to relu, with gain √2', () => {
    const code = initPytorchCode({ ...DEFAULT_INIT, activation: 'relu' });
    expect(code).toContain("nn.init.kaiming_normal_(W, nonlinearity='relu')");
    expect(code).toContain("nonlinearity='relu')");
    expect(code).not.toContain("'tanh'");
    expect(code).toContain('# gain √2, from f');
  });
  it('the gain γ reaches Xavier, orthogonal and identity, but not He', () => {
    const code = initPytorchCode({ ...DEFAULT_INIT, gain: 1.5, hiddenSize: 32, seed: 7 });
    expect(code).toContain('nn.init.xavier_uniform_(W, gain=1.5)');
    expect(code).toContain('nn.init.orthogonal_(W, gain=1.5)');
    expect(code).toContain('W.copy_(1.5 * torch.eye(H))');
    expect(code).toContain('H = 32');
    expect(code).toContain('torch.manual_seed(7)');
    expect(kaimingCall('tanh')).not.toContain('gain');
  });
  it('the gain it names is the one lib uses for f', () => {
    expect(calculateGain('tanh')).toBeCloseTo(5 / 3, 15);
    expect(gainText('tanh')).toBe('5/3');
    expect(calculateGain('relu')).toBeCloseTo(Math.SQRT2, 15);
    expect(gainText('relu')).toBe('√2');
  });
  it('every locale captions the code and names γ, not g', () => {
    for (const text of Object.values(INIT_TEXT)) {
      expect(text.codeCaption).toContain('PyTorch');
      expect(text.tableCaption('1', 'tanh', 1)).toContain('γ = 1');
      expect(text.ignoresGain('5/3', 'tanh')).toContain('γ');
    }
  });
});
