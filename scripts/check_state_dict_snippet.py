"""Run the page's load snippet on the committed exported fixtures with PyTorch 1.13 and compare.

    /usr/bin/python3 scripts/check_state_dict_snippet.py

For each test/fixtures/state-dict/names-<kind>.check.json: run its snippet (the exact text the page
shows) in the fixture folder, feed the one-hot input ids through the loaded nn.<kind> and nn.Linear,
and check the logits equal the core's (stored in the check file) to 1e-6. Exits 1 on any mismatch.
"""
import glob
import json
import os
import sys

import torch

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "state-dict")
TOLERANCE = 1e-6


def check(path):
    with open(path) as f:
        case = json.load(f)
    scope = {}
    cwd = os.getcwd()
    os.chdir(HERE)
    try:
        exec(case["snippet"], scope)  # the snippet, as the page shows it, defines rnn and fc
    finally:
        os.chdir(cwd)
    rnn, fc = scope["rnn"], scope["fc"]
    vocabulary = rnn.input_size
    ids = torch.tensor(case["inputIds"])
    x = torch.nn.functional.one_hot(ids, vocabulary).to(torch.float64)[:, None, :]  # [T, 1, V]
    with torch.no_grad():
        out, _ = rnn(x)
        logits = fc(out[:, 0, :])
    expected = torch.tensor(case["logits"], dtype=torch.float64)
    error = (logits - expected).abs().max().item()
    ok = logits.shape == expected.shape and error <= TOLERANCE
    print(f"{os.path.basename(path)}: {type(rnn).__name__}, logits {list(logits.shape)}, max |torch - core| = {error:.3e} {'OK' if ok else 'MISMATCH'}")
    return ok


def main():
    paths = sorted(glob.glob(os.path.join(HERE, "*.check.json")))
    if not paths:
        print("no fixtures found in", HERE)
        return 1
    results = [check(p) for p in paths]
    print(f"torch {torch.__version__}: {sum(results)}/{len(results)} fixtures match to {TOLERANCE}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
