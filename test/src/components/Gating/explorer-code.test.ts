/**
 * The gate explorer's PyTorch block: it carries the widget's sizes, words, weights and remember bias. Its default
 * version was run with /usr/bin/python3 (torch 1.13): it printed the gates quoted in gate-explorer.test.ts and
 * "same h_t as the module: True".
 */
import { describe, expect, it } from 'vitest';
import { exploreGates } from '../../../../src/components/Gating/gate-explorer.ts';
import { explorerCode } from '../../../../src/components/Gating/explorer-code.ts';
import { explorerSettings } from '../../../../src/components/Gating/page-settings.ts';

describe('explorerCode', () => {
  it('mirrors the LSTM: sizes, the words, the forget-gate bias, the step', () => {
    const settings = explorerSettings({});
    const code = explorerCode(exploreGates(settings), 3, 1, 1);
    expect(code).toContain('lstm = nn.LSTM(input_size=4, hidden_size=8)');
    expect(code).toContain("words = ['the', 'cat', 'sat', 'on', 'the', 'mat', 'and', 'then', 'the', 'dog', 'sat', 'on', 'the', 'log']");
    expect(code).toContain('lstm.bias_ih_l0[H:2 * H].fill_(1)');
    expect(code).toContain('lstm.bias_hh_l0[H:2 * H].fill_(0)');
    expect(code).toContain("step = 3  # the step the widget highlights (1-based), the word 'sat'");
    expect(code).toContain('i, f, g, o = gates.chunk(4)');
  });

  it('mirrors the GRU with its update-gate bias, and says so when there are no words', () => {
    const view = exploreGates({ ...explorerSettings({}), kind: 'GRU', rememberBias: 2 });
    const code = explorerCode(view, 14, 5, 2);
    expect(code).toContain('gru = nn.GRU(input_size=4, hidden_size=8)');
    expect(code).toContain('gru.bias_ih_l0[H:2 * H].fill_(2)');
    expect(code).toContain('n = torch.tanh(xn + r * hn)');
    expect(code).toContain("step = 14");
    expect(explorerCode(exploreGates({ ...explorerSettings({}), text: '' }), 0, 1, 1)).toBe('# No words to read yet: type a sentence in the widget above.');
  });
});
