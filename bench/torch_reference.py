"""Optional reference for `npm run bench`: PyTorch on one CPU thread, the same cases as bench/cases.ts.

Runs with Debian's python3-torch (/usr/bin/python3). Prints one JSON object per line:
{"case", "impl": "torch-1thread", "dtype", "ms"}.
"""
import json
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(0)

SHAPES = [(32, 100, 64, 128), (1, 256, 64, 256)]


def time_case(module_name, batch, steps, input_size, hidden_size, dtype, repeats=5):
    module = getattr(torch.nn, module_name)(input_size, hidden_size).to(dtype)
    x = torch.randn(steps, batch, input_size, dtype=dtype, requires_grad=True)
    grad_output = torch.randn(steps, batch, hidden_size, dtype=dtype)

    def once():
        module.zero_grad()
        x.grad = None
        output, _ = module(x)
        (output * grad_output).sum().backward()

    once()  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        once()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)[len(times) // 2]


for module_name in ("LSTM", "GRU"):
    for batch, steps, input_size, hidden_size in SHAPES:
        for dtype_name, dtype in (("float32", torch.float32), ("float64", torch.float64)):
            ms = time_case(module_name, batch, steps, input_size, hidden_size, dtype)
            name = f"{module_name} B{batch} T{steps} D{input_size} H{hidden_size}"
            print(json.dumps({"case": name, "impl": "torch-1thread", "dtype": dtype_name, "ms": round(ms, 2)}), flush=True)
