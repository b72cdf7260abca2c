"""Write a PyTorch reference for the LSTM's per-step state gradients into test/fixtures/gradient-paths/.

Run with Debian's python3-torch (PyTorch 1.13):  /usr/bin/python3 scripts/make_gradient_path_fixture.py
Deterministic (seeded), float64.

An nn.LSTM (one layer, one direction) is unrolled by hand with an nn.LSTMCell holding the same weights, so every
h_t and c_t is a tensor of its own; retain_grad() keeps their gradients. The loss is the chapter's
L_T = sum(h_T) (a loss at the last step only). The file holds: config, state_dict (nn.LSTM keys), input [T, B, D],
output [T, B, H] (checked against nn.LSTM), remember_bias (added to the forget block of bias_hh before the run),
and hidden_norms[t] = ||dL/dh_t||, cell_norms[t] = ||dL/dc_t||, each the norm over the whole batch.
"""
import json
import os

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "gradient-paths", "lstm_state_gradients.json")
STEPS, BATCH, INPUT_SIZE, HIDDEN_SIZE, REMEMBER_BIAS = 30, 2, 4, 5, 1.0


def main():
    torch.manual_seed(3000)
    lstm = torch.nn.LSTM(INPUT_SIZE, HIDDEN_SIZE).double()
    with torch.no_grad():
        lstm.bias_hh_l0[HIDDEN_SIZE:2 * HIDDEN_SIZE] += REMEMBER_BIAS
    cell = torch.nn.LSTMCell(INPUT_SIZE, HIDDEN_SIZE).double()
    with torch.no_grad():
        for name in ["weight_ih", "weight_hh", "bias_ih", "bias_hh"]:
            getattr(cell, name).copy_(getattr(lstm, name + "_l0"))
    x = torch.randn(STEPS, BATCH, INPUT_SIZE, dtype=torch.float64)
    h = torch.zeros(BATCH, HIDDEN_SIZE, dtype=torch.float64)
    c = torch.zeros(BATCH, HIDDEN_SIZE, dtype=torch.float64)
    hs, cs = [], []
    for t in range(STEPS):
        h, c = cell(x[t], (h, c))
        h.retain_grad()
        c.retain_grad()
        hs.append(h)
        cs.append(c)
    with torch.no_grad():
        reference, _ = lstm(x)
    assert torch.allclose(torch.stack(hs), reference, atol=1e-14, rtol=0), "hand-unrolled LSTMCell equals nn.LSTM"
    hs[-1].sum().backward()
    case = dict(
        config=dict(input_size=INPUT_SIZE, hidden_size=HIDDEN_SIZE, steps=STEPS, batch=BATCH),
        remember_bias=REMEMBER_BIAS,
        state_dict={key: value.tolist() for key, value in lstm.state_dict().items()},
        input=x.tolist(),
        output=reference.tolist(),
        hidden_norms=[h.grad.norm().item() for h in hs],
        cell_norms=[c.grad.norm().item() for c in cs],
    )
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as handle:
        json.dump(case, handle, indent=1)
        handle.write("\n")
    print("wrote", OUT)
    print("hidden", case["hidden_norms"][0], case["hidden_norms"][-1])
    print("cell", case["cell_norms"][0], case["cell_norms"][-1])


if __name__ == "__main__":
    main()
