/**
 * "The same in PyTorch": a runnable script with the page's current settings that computes the linear
 * recurrence with a loop and with a log-depth scan over the pairs (A_t, b_t), prints the rounds each
 * needed and the largest difference, and then runs nn.RNN with the same weights (the tanh recurrence).
 * torch's random numbers differ from the page's, so the values differ; the comparisons are the point.
 */
import { scanDepth } from './scan-rounds.ts';
import { INPUT_SIZE, type ScanSettings } from './recurrence.ts';

/** A number as Python source: no float noise (0.30000000000000004 → 0.3). */
export function pythonNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** The script for these settings. */
export function pytorchCode(settings: ScanSettings): string {
  const { sequenceLength: T, hiddenSize: H, spectralRadius, inputScale, seed } = settings;
  return `import math
import torch

torch.manual_seed(${seed})
T, H, D = ${T}, ${H}, ${INPUT_SIZE}  # steps, state size, input size
rho = ${pythonNumber(spectralRadius)}  # every eigenvalue of A has |λ| = rho
scale = ${pythonNumber(inputScale)}  # inputs are scale · N(0, 1)
f64 = torch.float64

A = rho * torch.nn.init.orthogonal_(torch.empty(H, H, dtype=f64))
B = torch.randn(H, D, dtype=f64) / math.sqrt(D)
x = scale * torch.randn(T, D, dtype=f64)

# 1. The loop: h_t = A h_{t-1} + B x_t.
#    T rounds, each waiting for the one before.
h = torch.zeros(H, dtype=f64)
loop = []
for t in range(T):
    h = A @ h + B @ x[t]
    loop.append(h)
loop = torch.stack(loop)

# 2. The scan: step t is the pair (A_t, b_t), b_t = B x_t;
#    (A_s, b_s) after (A_t, b_t) is (A_s A_t, A_s b_t + b_s).
As = A.expand(T, H, H).clone()
bs = x @ B.T  # every b_t at once
offset, rounds = 1, 0
while offset < T:
    # every t >= offset combines with t - offset, all at once
    b_new = (As[offset:] @ bs[:-offset, :, None])[..., 0] + bs[offset:]
    A_new = As[offset:] @ As[:-offset]
    bs = torch.cat([bs[:offset], b_new])
    As = torch.cat([As[:offset], A_new])
    offset, rounds = 2 * offset, rounds + 1
scan = bs  # h_0 = 0, so h_t is the offset of f_t ∘ … ∘ f_1

print("rounds: loop", T, "scan", rounds)  # ${T} and ${scanDepth(T)}
print("max |loop - scan|:", (loop - scan).abs().max().item())

# 3. The tanh RNN with the same weights:
#    h_t = tanh(A h_{t-1} + B x_t), which no scan computes.
rnn = torch.nn.RNN(D, H, bias=False, dtype=f64)
with torch.no_grad():
    rnn.weight_ih_l0.copy_(B)
    rnn.weight_hh_l0.copy_(A)
    nonlinear, _ = rnn(x)  # x is one unbatched [T, D] sequence
print("max |tanh RNN - linear|:",
      (nonlinear - loop).abs().max().item())
`;
}
