"""Interpolated Witten-Bell character n-grams, orders 1-9: held-out bits per character and sizes.

  /usr/bin/python3 scripts/lm/ngram_baseline.py        (about a minute; writes ngram-results.json)

Counts come from the train stream only. For a history h (the n-1 characters before) and a next
character c, with C(h, c) the count of the n-gram, C(h) = sum over c of C(h, c) and T(h) the number
of distinct characters seen after h:

    P_n(c | h) = (C(h, c) + T(h) P_{n-1}(c | h')) / (C(h) + T(h)),   h' = h without its first char,

and P_0 = 1 / V (uniform over the V = 87 symbols). A history never seen in training leaves
P_{n-1}. Every character of a split's stream is scored, each with "\\n" (the end of the address
before) as the character preceding the stream: the same input the LSTM gets. "Parameters" are the
stored counts: the distinct n-grams of orders 1..n (the context totals C(h) and T(h) follow from them).

Counting is vectorised: each n-gram is a base-128 integer (7 bits per symbol, 63 bits at order 9),
np.unique gives the sorted keys and counts, np.searchsorted looks them up.
"""
import json
import math
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from corpus import load_streams  # noqa: E402

BASE = np.uint64(128)
RESULTS_PATH = os.path.join(os.path.dirname(__file__), 'ngram-results.json')


def ngram_keys(ids, n):
    """uint64 keys of the n-grams ending at positions n-1 .. len-1."""
    x = ids.astype(np.uint64)
    key = x[:len(x) - n + 1].copy()
    for j in range(1, n):
        key = key * BASE + x[j:len(x) - n + 1 + j]
    return key


class Table:
    """One order's counts: sorted n-gram keys with counts, sorted history keys with C(h), T(h)."""

    def __init__(self, ids, n):
        self.keys, counts = np.unique(ngram_keys(ids, n), return_counts=True)
        self.counts = counts.astype(np.float64)
        history = self.keys // BASE
        self.hist, start = np.unique(history, return_index=True)
        self.hist_total = np.add.reduceat(self.counts, start)
        self.hist_types = np.diff(np.append(start, len(self.keys))).astype(np.float64)

    def __len__(self):
        return len(self.keys)


def lookup(sorted_keys, queries):
    """(index, found) of each query in a sorted key array."""
    idx = np.searchsorted(sorted_keys, queries)
    idx = np.minimum(idx, len(sorted_keys) - 1)
    return idx, sorted_keys[idx] == queries


def bits_per_char(tables, stream, vocab_size, newline_id):
    """{order: bpc} for the interpolated model of every order over one split's stream."""
    ids = np.concatenate([[newline_id], stream]).astype(np.uint8)
    T = len(ids) - 1  # scored positions 1..T
    p = np.full(T, 1.0 / vocab_size)
    out = {}
    for n, table in enumerate(tables, start=1):
        # position t (1..T) uses order n when t >= n - 1 (its history fits inside the stream)
        first = max(1, n - 1)
        full = ngram_keys(ids, n)[first - (n - 1):]          # n-grams ending at first..T
        hist = full // BASE
        hi, hfound = lookup(table.hist, hist)
        ki, kfound = lookup(table.keys, full)
        count = np.where(kfound, table.counts[ki], 0.0)
        total, types = table.hist_total[hi], table.hist_types[hi]
        prev = p[first - 1:]
        p[first - 1:] = np.where(hfound, (count + types * prev) / (total + types), prev)
        out[n] = float(-np.log2(p).mean())
    return out


def main():
    t0 = time.time()
    vocab, streams = load_streams()
    newline = vocab.index('\n')
    tables, rows, stored = [], [], 0
    for n in range(1, 10):
        tables.append(Table(streams['train'], n))
        stored += len(tables[-1])
        rows.append(dict(order=n, ngrams=len(tables[-1]), parameters=stored))
    print(f'counted in {time.time() - t0:.1f} s', flush=True)
    for split in ('valid', 'test'):
        for n, bpc in bits_per_char(tables, streams[split], len(vocab), newline).items():
            rows[n - 1][f'{split}_bpc'] = round(bpc, 4)
    print(f'{"order":>5} {"n-grams":>11} {"parameters":>11} {"valid bpc":>9} {"test bpc":>9}')
    for r in rows:
        print(f'{r["order"]:5d} {r["ngrams"]:11,d} {r["parameters"]:11,d} '
              f'{r["valid_bpc"]:9.4f} {r["test_bpc"]:9.4f}')
    result = dict(model='interpolated Witten-Bell, uniform base over the vocabulary',
                  trained_on='train', chars={k: int(len(v)) for k, v in streams.items()},
                  vocab=len(vocab), seconds=round(time.time() - t0, 1), orders=rows)
    with open(RESULTS_PATH, 'w') as f:
        json.dump(result, f, indent=1)
        f.write('\n')
    print(f'{time.time() - t0:.1f} s -> {os.path.relpath(RESULTS_PATH)}')
    assert not math.isnan(rows[-1]['test_bpc'])


if __name__ == '__main__':
    main()
