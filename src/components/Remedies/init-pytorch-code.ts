/**
 * "The same in PyTorch" for the initialisation widget: the five schemes as torch.nn.init calls for the
 * widget's activation f, gain γ, hidden size and seed. He's call follows f (nonlinearity='tanh' gives
 * calculate_gain's 5/3, 'relu' gives √2), as the widget's own Kaiming scheme does.
 */
import { pythonNumber } from '../../kit/code-template.ts';
import { INIT_INPUT_SIZE, type InitSettings } from './init-compare.ts';

/** The torch.nn.init call that draws W_hh with He's scheme for the activation f. */
export function kaimingCall(activation: InitSettings['activation']): string {
  return `nn.init.kaiming_normal_(W, nonlinearity='${activation}')`;
}

/** PyTorch's gain for the activation, as calculate_gain gives it, written for readers. */
export function gainText(activation: InitSettings['activation']): string {
  return activation === 'relu' ? '√2' : '5/3';
}

/** The whole script for these settings (runs on PyTorch 1.13): one RNN per scheme, and ρ(W_hh) for each. */
export function initPytorchCode(settings: InitSettings): string {
  const gain = pythonNumber(settings.gain);
  return [
    'import torch',
    'from torch import nn',
    '',
    `torch.manual_seed(${settings.seed})  # torch draws other random numbers than the course: same schemes, not the same values`,
    `H = ${settings.hiddenSize}`,
    'schemes = {',
    "    'PyTorch default': lambda W: None,  # nn.RNN has already drawn U(-1/√H, 1/√H)",
    `    'Xavier': lambda W: nn.init.xavier_uniform_(W, gain=${gain}),`,
    `    'He (Kaiming)': lambda W: ${kaimingCall(settings.activation)},  # gain ${gainText(settings.activation)}, from f`,
    `    'orthogonal': lambda W: nn.init.orthogonal_(W, gain=${gain}),`,
    `    'identity (IRNN)': lambda W: W.copy_(${gain} * torch.eye(H)),`,
    '}',
    'for name, init in schemes.items():',
    `    rnn = nn.RNN(input_size=${INIT_INPUT_SIZE}, hidden_size=H, nonlinearity='${settings.activation}')`,
    '    with torch.no_grad():',
    '        init(rnn.weight_hh_l0)',
    '        rnn.bias_ih_l0.zero_()',
    '        rnn.bias_hh_l0.zero_()',
    '    rho = torch.linalg.eigvals(rnn.weight_hh_l0).abs().max().item()',
    "    print(f'{name:16s} spectral radius {rho:.3f}')",
  ].join('\n');
}
