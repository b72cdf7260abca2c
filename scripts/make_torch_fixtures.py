"""Write PyTorch reference cases for the recurrent layers into test/fixtures/torch/, one JSON file per case.

Run with Debian's python3-torch (PyTorch 1.13):  /usr/bin/python3 scripts/make_torch_fixtures.py
Deterministic: every case seeds torch from its index. Everything is float64.

Each file has exactly these keys (values as torch's .tolist()):
  name, module ("RNN" | "LSTM" | "GRU"), dtype ("float64"),
  config {input_size, hidden_size, num_layers, bias, batch_first, bidirectional[, nonlinearity]},
  num_parameters, state_dict {key -> nested list}, input, lengths (list or null), h0 (or null), c0 (or null),
  output (padded, zeros past each length), h_n, c_n (or null), grad_output, grad_h_n, grad_c_n (or null),
  grads {input, h0 and c0 when given, and every parameter key}
where grads are those of loss = sum(output * grad_output) + sum(h_n * grad_h_n) (+ sum(c_n * grad_c_n)).
"""
import json
import os

import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "torch")

# (module, nonlinearity) pairs: every option value below appears with each of them.
MODULES = [("RNN", "tanh"), ("RNN", "relu"), ("LSTM", None), ("GRU", None)]

# A covering set of options (not the full cross product): layers 1-3, uni/bi, batch_first on/off,
# with/without h0 (and c0), with/without bias, with/without lengths.
VARIANTS = [
    dict(tag="l1_basic", num_layers=1, bidirectional=False, batch_first=False, bias=True, initial=False, lengths=None),
    dict(tag="l2_bi_bf_h0", num_layers=2, bidirectional=True, batch_first=True, bias=True, initial=True, lengths=None),
    dict(tag="l3_bf", num_layers=3, bidirectional=False, batch_first=True, bias=True, initial=False, lengths=None),
    dict(tag="l1_bi_nobias_h0", num_layers=1, bidirectional=True, batch_first=False, bias=False, initial=True, lengths=None),
    dict(tag="l2_lengths_h0", num_layers=2, bidirectional=False, batch_first=False, bias=True, initial=True, lengths=[3, 5, 1]),
    dict(tag="l1_bi_lengths_bf", num_layers=1, bidirectional=True, batch_first=True, bias=True, initial=False, lengths=[2, 4, 4]),
    dict(tag="l2_bi_lengths_nobias_h0", num_layers=2, bidirectional=True, batch_first=False, bias=False, initial=True, lengths=[5, 1, 3]),
    dict(tag="l3_bi_h0", num_layers=3, bidirectional=True, batch_first=False, bias=True, initial=True, lengths=None),
    dict(tag="l1_nobias_bf_lengths", num_layers=1, bidirectional=False, batch_first=True, bias=False, initial=False, lengths=[1, 5, 2]),
]

BATCH, STEPS, INPUT_SIZE, HIDDEN_SIZE = 3, 5, 4, 3


def make_case(index, module_name, nonlinearity, variant):
    torch.manual_seed(1000 + index)
    config = dict(
        input_size=INPUT_SIZE,
        hidden_size=HIDDEN_SIZE,
        num_layers=variant["num_layers"],
        bias=variant["bias"],
        batch_first=variant["batch_first"],
        bidirectional=variant["bidirectional"],
    )
    if nonlinearity is not None:
        config["nonlinearity"] = nonlinearity
    module = getattr(torch.nn, module_name)(**config).double()
    steps = STEPS  # lengths cases pad to T with total_length=T, so max(lengths) may be < T
    directions = 2 if variant["bidirectional"] else 1
    input_shape = (BATCH, steps, INPUT_SIZE) if variant["batch_first"] else (steps, BATCH, INPUT_SIZE)
    x = torch.randn(*input_shape, dtype=torch.float64, requires_grad=True)
    state_shape = (variant["num_layers"] * directions, BATCH, HIDDEN_SIZE)
    is_lstm = module_name == "LSTM"
    h0 = torch.randn(*state_shape, dtype=torch.float64, requires_grad=True) if variant["initial"] else None
    c0 = torch.randn(*state_shape, dtype=torch.float64, requires_grad=True) if variant["initial"] and is_lstm else None
    hidden = None
    if h0 is not None:
        hidden = (h0, c0) if is_lstm else h0

    lengths = variant["lengths"]
    if lengths is None:
        output, final = module(x, hidden)
    else:
        packed = pack_padded_sequence(x, torch.tensor(lengths), batch_first=variant["batch_first"], enforce_sorted=False)
        packed_output, final = module(packed, hidden)
        output, _ = pad_packed_sequence(packed_output, batch_first=variant["batch_first"], total_length=steps)
    h_n, c_n = final if is_lstm else (final, None)

    # Random upstream gradients everywhere, padded positions included: those must not leak into the grads.
    grad_output = torch.randn_like(output)
    grad_h_n = torch.randn_like(h_n)
    grad_c_n = torch.randn_like(c_n) if is_lstm else None
    loss = (output * grad_output).sum() + (h_n * grad_h_n).sum()
    if is_lstm:
        loss = loss + (c_n * grad_c_n).sum()
    loss.backward()

    grads = {"input": x.grad.tolist()}
    if h0 is not None:
        grads["h0"] = h0.grad.tolist()
    if c0 is not None:
        grads["c0"] = c0.grad.tolist()
    for key, parameter in module.named_parameters():
        grads[key] = parameter.grad.tolist()

    name = f"{module_name.lower()}{'_' + nonlinearity if nonlinearity else ''}_{variant['tag']}"
    return {
        "name": name,
        "module": module_name,
        "dtype": "float64",
        "config": config,
        "num_parameters": sum(p.numel() for p in module.parameters()),
        "state_dict": {key: value.tolist() for key, value in module.state_dict().items()},
        "input": x.detach().tolist(),
        "lengths": lengths,
        "h0": h0.detach().tolist() if h0 is not None else None,
        "c0": c0.detach().tolist() if c0 is not None else None,
        "output": output.detach().tolist(),
        "h_n": h_n.detach().tolist(),
        "c_n": c_n.detach().tolist() if c_n is not None else None,
        "grad_output": grad_output.tolist(),
        "grad_h_n": grad_h_n.tolist(),
        "grad_c_n": grad_c_n.tolist() if grad_c_n is not None else None,
        "grads": grads,
    }


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    index = 0
    for module_name, nonlinearity in MODULES:
        for variant in VARIANTS:
            case = make_case(index, module_name, nonlinearity, variant)
            with open(os.path.join(OUT_DIR, case["name"] + ".json"), "w") as f:
                json.dump(case, f, separators=(",", ":"))
                f.write("\n")
            index += 1
    print(f"wrote {index} cases to {os.path.normpath(OUT_DIR)} (torch {torch.__version__})")
    # The Adam training-parity cases (test/fixtures/training/) come from the same run.
    from torch_training_cases import write_training_fixtures

    training_dir = os.path.join(os.path.dirname(OUT_DIR), "training")
    write_training_fixtures(training_dir)
    print(f"wrote training cases to {os.path.normpath(training_dir)}")


if __name__ == "__main__":
    main()
