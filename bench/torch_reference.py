"""Optional reference for `npm run bench`: PyTorch on one CPU thread, the same cases as bench/cases.ts.

Runs with Debian's python3-torch (/usr/bin/python3); bench/run.ts calls it when torch imports.
Usage: /usr/bin/python3 bench/torch_reference.py [--warmup N] [--repeats N]
Prints one JSON object per line: {"case", "impl": "torch-1thread", "dtype", "ms", "cpu_ms"}, the medians (wall clock
and process CPU time) of the timed repeats of forward + backward of sum(output * grad_output) on a time-major [T, B, D] input.
"""
import argparse
import json
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(0)

SHAPES = [(32, 100, 64, 128), (1, 256, 64, 256)]


def time_case(module_name, batch, steps, input_size, hidden_size, dtype, warmup, repeats):
    module = getattr(torch.nn, module_name)(input_size, hidden_size).to(dtype)
    x = torch.randn(steps, batch, input_size, dtype=dtype, requires_grad=True)
    grad_output = torch.randn(steps, batch, hidden_size, dtype=dtype)

    def once():
        module.zero_grad()
        x.grad = None
        output, _ = module(x)
        (output * grad_output).sum().backward()

    for _ in range(warmup):
        once()
    wall, cpu = [], []
    for _ in range(repeats):
        cpu_start, start = time.process_time(), time.perf_counter()
        once()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - cpu_start) * 1000)
    return median(wall), median(cpu)


def median(values):
    values = sorted(values)
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    for module_name in ("LSTM", "GRU"):
        for batch, steps, input_size, hidden_size in SHAPES:
            for dtype_name, dtype in (("float32", torch.float32), ("float64", torch.float64)):
                ms, cpu_ms = time_case(module_name, batch, steps, input_size, hidden_size, dtype, args.warmup, args.repeats)
                name = f"{module_name} B{batch} T{steps} D{input_size} H{hidden_size}"
                print(json.dumps({"case": name, "impl": "torch-1thread", "dtype": dtype_name, "ms": round(ms, 2), "cpu_ms": round(cpu_ms, 2)}), flush=True)


if __name__ == "__main__":
    main()
