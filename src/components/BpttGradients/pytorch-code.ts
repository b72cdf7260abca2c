/**
 * The gradient map in PyTorch, for the chapter's "same in PyTorch" block: the same sizes, ρ, activation and
 * seed. PyTorch draws its own random numbers, so its norms differ from the widget's in detail, not in pattern.
 * The loop is written by hand (not nn.RNN) because ∂L_t/∂h_k needs every h_k as a tensor in the graph.
 */
import { pythonActivation } from '../ForwardPass/python-formula.ts';
import { INPUT_SIZE } from './gradient-map.ts';
import type { PageSettings } from './page-settings.ts';

/** The activation as a Python callable on a tensor. */
function torchActivation(settings: PageSettings): string {
  if (settings.activation === 'tanh') return 'torch.tanh';
  if (settings.activation === 'ReLU') return 'torch.relu';
  if (settings.activation === 'linear') return 'lambda a: a  # linear: f(a) = a';
  const expression = pythonActivation(settings.formula);
  return expression ? `lambda a: ${expression}` : `None  # write your f here: ${settings.formula.replace(/\s+/g, ' ')}`;
}

/** Python that scales a random W_hh to spectral radius ρ, runs T steps and prints ‖∂L_t/∂h_k‖. */
export function gradientCode(settings: PageSettings): string {
  const { seed, rho, steps: T, hiddenSize: H } = settings;
  return [
    'import math',
    'import torch',
    '',
    'torch.set_default_dtype(torch.float64)',
    `torch.manual_seed(${seed})`,
    `T, H, D, rho = ${T}, ${H}, ${INPUT_SIZE}, ${rho}`,
    `f = ${torchActivation(settings)}`,
    '',
    '# W_hh: a random matrix divided by its spectral radius, times rho',
    'W_hh = torch.randn(H, H) / math.sqrt(H)',
    'W_hh *= rho / torch.linalg.eigvals(W_hh).abs().max()',
    'bound = 1 / math.sqrt(H)  # nn.RNN\'s default init for the rest',
    'W_xh = torch.empty(H, D).uniform_(-bound, bound)',
    'b_h = torch.empty(H).uniform_(-bound, bound) + torch.empty(H).uniform_(-bound, bound)',
    'x = torch.empty(T, D).uniform_(-1, 1)',
    'u = torch.randn(H)',
    'u /= u.norm()  # the loss at step t is L_t = u . h_t',
    '',
    'h = torch.zeros(H, requires_grad=True)  # so that every h_t is in the graph',
    'hs = []',
    'for t in range(T):',
    '    h = f(W_hh @ h + W_xh @ x[t] + b_h)',
    '    hs.append(h)',
    '',
    '# ||dL_T/dh_k|| for k = 1..T: the line under the map',
    'grads = torch.autograd.grad(u @ hs[-1], hs, retain_graph=True, allow_unused=True)',
    'last = [0.0 if g is None else g.norm().item() for g in grads]',
    "print('||dL_T/dh_1|| =', last[0], ' ||dL_T/dh_T|| =', last[-1])",
    '',
    `# ||dL_t/dh_k|| for every pair k <= t of the last ${Math.min(T, 60)} steps: the map`,
    `W = min(T, 60)`,
    'norms = torch.full((W, W), float(\'nan\'))',
    'for i, t in enumerate(range(T - W, T)):',
    '    g = torch.autograd.grad(u @ hs[t], hs[T - W:t + 1], retain_graph=True, allow_unused=True)',
    '    norms[i, :i + 1] = torch.tensor([0.0 if gk is None else gk.norm().item() for gk in g])',
    "print('log10 of the last row:', norms[-1].log10())",
  ].join('\n');
}
