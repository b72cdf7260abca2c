"""Write PyTorch reference runs of one-layer bidirectional RNN, GRU and LSTM into test/fixtures/bidirectional/.

Run with Debian's python3-torch (PyTorch 1.13):  /usr/bin/python3 scripts/make_bidirectional_fixtures.py
Deterministic (seeded per module), float64, batch_first=True.

Each file holds: name, module, config {input_size, hidden_size, batch_first, bidirectional}, state_dict,
input [B, T, D], output [B, T, 2H], h_n [2, B, H], c_n (LSTM, else null), and
last_step_only: output[:, 0, H:] of the same module run on x[:, -1:, :] alone, i.e. what the backward
direction holds after reading one step (which is what output[:, -1, H:] is).
"""
import json
import os

import torch

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "bidirectional")
BATCH, STEPS, INPUT_SIZE, HIDDEN_SIZE = 2, 5, 3, 4


def make_case(index, module_name):
    torch.manual_seed(2000 + index)
    config = dict(input_size=INPUT_SIZE, hidden_size=HIDDEN_SIZE, batch_first=True, bidirectional=True)
    module = getattr(torch.nn, module_name)(**config).double()
    x = torch.randn(BATCH, STEPS, INPUT_SIZE, dtype=torch.float64)
    with torch.no_grad():
        output, state = module(x)
        h_n, c_n = state if module_name == "LSTM" else (state, None)
        last_output, _ = module(x[:, -1:, :])
    H = HIDDEN_SIZE
    # The two facts the chapter teaches, checked here as well as in the vitest.
    assert torch.equal(output[:, 0, H:], h_n[1]), "backward summary is output[:, 0, H:]"
    assert torch.equal(output[:, -1, :H], h_n[0]), "forward summary is output[:, -1, :H]"
    assert torch.allclose(output[:, -1, H:], last_output[:, 0, H:], atol=0, rtol=1e-15), "output[:, -1, H:] read one step"
    return dict(
        name=f"{module_name.lower()}_bidirectional",
        module=module_name,
        config=config,
        state_dict={key: value.tolist() for key, value in module.state_dict().items()},
        input=x.tolist(),
        output=output.tolist(),
        h_n=h_n.tolist(),
        c_n=c_n.tolist() if c_n is not None else None,
        last_step_only=last_output[:, 0, H:].tolist(),
    )


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    for index, module_name in enumerate(["RNN", "GRU", "LSTM"]):
        case = make_case(index, module_name)
        with open(os.path.join(OUT_DIR, case["name"] + ".json"), "w") as handle:
            json.dump(case, handle, indent=1)
            handle.write("\n")
        print("wrote", case["name"])


if __name__ == "__main__":
    main()
