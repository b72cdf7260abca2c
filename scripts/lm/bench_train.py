"""Training throughput of the character LSTM here: characters per second for some threads.

  /usr/bin/python3 scripts/lm/bench_train.py --threads 1 2 --steps 6

Times full training steps (forward, backward, clipping, Adam) on real train batches at the default
size (2 x 512, batch 64 x 128), after one warm-up step; prints the median and the load average.
"""
import argparse
import os
import statistics
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
from corpus import load_streams  # noqa: E402
from model import CONFIG, build_model, count_params  # noqa: E402
from streams import partition  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--threads', type=int, nargs='+', default=[1, 2])
    ap.add_argument('--steps', type=int, default=6)
    ap.add_argument('--layers', type=int, default=CONFIG['layers'])
    ap.add_argument('--hidden', type=int, default=CONFIG['hidden'])
    ap.add_argument('--batch', type=int, default=64)
    ap.add_argument('--seq', type=int, default=128)
    args = ap.parse_args()
    vocab, streams = load_streams()
    data = partition(streams['train'], args.batch)
    for threads in args.threads:
        torch.set_num_threads(threads)
        torch.manual_seed(7)
        model = build_model(dict(CONFIG, vocab=len(vocab), layers=args.layers, hidden=args.hidden))
        opt = torch.optim.Adam(model.parameters(), lr=2e-3)
        state, times = model.zero_state(args.batch), []
        for k in range(args.steps + 1):
            t = time.time()
            x = data[:, k * args.seq:(k + 1) * args.seq]
            y = data[:, k * args.seq + 1:(k + 1) * args.seq + 1]
            logits, state = model(x, state)
            loss = F.cross_entropy(logits.reshape(-1, len(vocab)), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            state = tuple(s.detach() for s in state)
            if k > 0:
                times.append(time.time() - t)
                print(f'  threads {threads} step {k}: {times[-1]:.2f} s', flush=True)
        med = statistics.median(times)
        print(f'{args.layers} x {args.hidden} ({count_params(model):,d} params), batch {args.batch} x '
              f'{args.seq}, threads {threads}: {med:.2f} s/step median of {len(times)} '
              f'({min(times):.2f}-{max(times):.2f}), {args.batch * args.seq / med:,.0f} chars/s; '
              f'load average {os.getloadavg()[0]:.1f}', flush=True)


if __name__ == '__main__':
    main()
