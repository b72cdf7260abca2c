"""Check ngram_baseline.py's vectorised Witten-Bell against a plain-dict version of the formula.

  /usr/bin/python3 scripts/lm/check_ngram.py        (about 20 s)

Trains both on the first 200,000 train characters, scores the first 20,000 test characters at
orders 3 and 5 (must agree to 1e-9 bpc), and checks that one history's distribution sums to 1.
"""
import collections
import math
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from corpus import load_streams  # noqa: E402
from ngram_baseline import Table, bits_per_char  # noqa: E402

N = 5


def main():
    vocab, streams = load_streams()
    V, newline = len(vocab), vocab.index('\n')
    train, test = list(streams['train'][:200000]), streams['test'][:20000]
    fast = bits_per_char([Table(streams['train'][:200000], n) for n in range(1, N + 1)], test, V, newline)
    counts = [collections.Counter() for _ in range(N + 1)]
    for n in range(1, N + 1):
        for t in range(n - 1, len(train)):
            counts[n][tuple(train[t - n + 1:t + 1])] += 1
    hist = [collections.defaultdict(lambda: [0, 0]) for _ in range(N + 1)]
    for n in range(1, N + 1):
        for key, c in counts[n].items():
            hist[n][key[:-1]][0] += c
            hist[n][key[:-1]][1] += 1

    def prob(h, c, n):
        if n == 0:
            return 1.0 / V
        lower = prob(h[1:], c, n - 1)
        if h not in hist[n]:
            return lower
        total, types = hist[n][h]
        return (counts[n].get(h + (c,), 0) + types * lower) / (total + types)

    ids = [newline] + list(test)
    for n in (3, 5):
        bits = sum(-math.log2(prob(tuple(ids[max(0, t - n + 1):t]), ids[t], min(n, t + 1)))
                   for t in range(1, len(ids)))
        slow = bits / (len(ids) - 1)
        print(f'order {n}: dicts {slow:.10f} bpc, vectorised {fast[n]:.10f} bpc')
        assert abs(slow - fast[n]) < 1e-9
    total = sum(prob(tuple(ids[10:14]), c, N) for c in range(V))
    print(f'sum of P(c | {"".join(vocab[i] for i in ids[10:14])!r}) over the vocabulary: {total:.12f}')
    assert abs(total - 1) < 1e-9


if __name__ == '__main__':
    main()
