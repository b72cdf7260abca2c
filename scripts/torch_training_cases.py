"""Write PyTorch training-parity cases into test/fixtures/training/, one JSON file per case.

Each case trains a recurrent layer (nn.LSTM or nn.GRU) with an nn.Linear head applied at every time step for
20 steps of torch.optim.Adam, in float64, on fresh seeded data at every step:

    optimizer.zero_grad()
    output, _ = rnn(inputs[step])                       # [T, B, dirs*H] ([B, T, dirs*H] if batch_first)
    logits = head(output)
    loss = F.mse_loss(logits, targets[step])            # or F.cross_entropy(logits.reshape(-1, C), targets.reshape(-1))
    loss.backward()
    total_norm = clip_grad_norm_(params, max_norm)      # only in the cases that clip
    optimizer.step()

Run with Debian's python3-torch (PyTorch 1.13):  /usr/bin/python3 scripts/torch_training_cases.py
The lead's scripts/make_torch_fixtures.py may instead call write_training_fixtures(out_dir).
Deterministic: each case seeds torch from its own seed.

Keys of each file (values as torch's .tolist()):
  name, source, module ("LSTM" | "GRU"), dtype ("float64"),
  config {input_size, hidden_size, num_layers, bias, batch_first, bidirectional},
  head {in_features, out_features}, loss ("mse" | "cross_entropy"), ignore_index (cross-entropy only, else null),
  optimizer {name: "Adam", lr, betas, eps, weight_decay, amsgrad}, clip_grad_norm ({max_norm, norm_type} or null),
  steps, initial_state_dict {recurrent, head}, inputs [steps][...input shape], targets [steps][...],
  losses [steps] (the loss at each step, before that step's update), total_norms [steps] (clip_grad_norm_'s
  return value, or null when the case does not clip), final_state_dict {recurrent, head}.
"""
import json
import os

import torch
import torch.nn.functional as F

DEFAULT_OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "training")

STEPS = 20
SEQUENCE_LENGTH, BATCH, INPUT_SIZE = 6, 4, 3

CASES = [
    dict(name="lstm_mse_adam", seed=2001, module="LSTM", hidden_size=5, num_layers=1, bidirectional=False,
         batch_first=False, out_features=2, loss="mse", lr=0.05, weight_decay=0.0, amsgrad=False, clip=None),
    dict(name="lstm_mse_2layer_bf_clip_wd", seed=2002, module="LSTM", hidden_size=4, num_layers=2, bidirectional=False,
         batch_first=True, out_features=2, loss="mse", lr=0.02, weight_decay=1e-3, amsgrad=False, clip=0.1),
    dict(name="gru_ce_adam", seed=2003, module="GRU", hidden_size=5, num_layers=1, bidirectional=False,
         batch_first=False, out_features=4, loss="cross_entropy", lr=0.05, weight_decay=0.0, amsgrad=False, clip=None),
    dict(name="gru_ce_bi_clip_amsgrad_ignore", seed=2004, module="GRU", hidden_size=4, num_layers=1, bidirectional=True,
         batch_first=False, out_features=3, loss="cross_entropy", lr=0.03, weight_decay=0.0, amsgrad=True, clip=0.25),
]

IGNORE_INDEX = -100


def make_case(spec):
    torch.manual_seed(spec["seed"])
    config = dict(input_size=INPUT_SIZE, hidden_size=spec["hidden_size"], num_layers=spec["num_layers"], bias=True,
                  batch_first=spec["batch_first"], bidirectional=spec["bidirectional"])
    rnn = getattr(torch.nn, spec["module"])(**config).double()
    directions = 2 if spec["bidirectional"] else 1
    head = torch.nn.Linear(spec["hidden_size"] * directions, spec["out_features"]).double()
    initial = {
        "recurrent": {key: value.tolist() for key, value in rnn.state_dict().items()},
        "head": {key: value.tolist() for key, value in head.state_dict().items()},
    }
    parameters = list(rnn.parameters()) + list(head.parameters())
    betas, eps = (0.9, 0.999), 1e-8
    optimizer = torch.optim.Adam(parameters, lr=spec["lr"], betas=betas, eps=eps,
                                 weight_decay=spec["weight_decay"], amsgrad=spec["amsgrad"])

    leading = (BATCH, SEQUENCE_LENGTH) if spec["batch_first"] else (SEQUENCE_LENGTH, BATCH)
    inputs, targets, losses, total_norms = [], [], [], []
    for step in range(STEPS):
        x = torch.randn(*leading, INPUT_SIZE, dtype=torch.float64)
        if spec["loss"] == "mse":
            y = torch.randn(*leading, spec["out_features"], dtype=torch.float64)
        else:
            y = torch.randint(0, spec["out_features"], leading)
            if spec["name"].endswith("_ignore"):
                # A few positions are ignored, so the mean divides by fewer than T·B terms.
                y[torch.rand(*leading) < 0.2] = IGNORE_INDEX
        optimizer.zero_grad()
        output, _ = rnn(x)
        logits = head(output)
        if spec["loss"] == "mse":
            loss = F.mse_loss(logits, y)
        else:
            loss = F.cross_entropy(logits.reshape(-1, spec["out_features"]), y.reshape(-1), ignore_index=IGNORE_INDEX)
        loss.backward()
        if spec["clip"] is not None:
            total_norms.append(float(torch.nn.utils.clip_grad_norm_(parameters, spec["clip"], norm_type=2.0)))
        optimizer.step()
        inputs.append(x.tolist())
        targets.append(y.tolist())
        losses.append(loss.item())

    return {
        "name": spec["name"],
        "source": f"scripts/torch_training_cases.py, PyTorch {torch.__version__}, seed {spec['seed']}",
        "module": spec["module"],
        "dtype": "float64",
        "config": config,
        "head": {"in_features": head.in_features, "out_features": head.out_features},
        "loss": spec["loss"],
        "ignore_index": IGNORE_INDEX if spec["loss"] == "cross_entropy" else None,
        "optimizer": {"name": "Adam", "lr": spec["lr"], "betas": list(betas), "eps": eps,
                      "weight_decay": spec["weight_decay"], "amsgrad": spec["amsgrad"]},
        "clip_grad_norm": {"max_norm": spec["clip"], "norm_type": 2.0} if spec["clip"] is not None else None,
        "steps": STEPS,
        "initial_state_dict": initial,
        "inputs": inputs,
        "targets": targets,
        "losses": losses,
        "total_norms": total_norms if spec["clip"] is not None else None,
        "final_state_dict": {
            "recurrent": {key: value.tolist() for key, value in rnn.state_dict().items()},
            "head": {key: value.tolist() for key, value in head.state_dict().items()},
        },
    }


def write_training_fixtures(out_dir=DEFAULT_OUT_DIR):
    """Write every training case as <name>.json into out_dir; returns the number written."""
    os.makedirs(out_dir, exist_ok=True)
    for spec in CASES:
        case = make_case(spec)
        with open(os.path.join(out_dir, case["name"] + ".json"), "w") as f:
            json.dump(case, f, separators=(",", ":"))
            f.write("\n")
    print(f"wrote {len(CASES)} training cases to {os.path.normpath(out_dir)} (torch {torch.__version__})")
    return len(CASES)


if __name__ == "__main__":
    write_training_fixtures()
