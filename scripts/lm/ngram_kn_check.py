"""Interpolated Kneser-Ney (one discount D) at orders 5 and 7 on the test stream: a cross-check only.

  /usr/bin/python3 scripts/lm/ngram_kn_check.py [D]          (default D = 0.75; about a minute)

Written to see whether a different smoothing explains the issue's quoted n-gram figures (about
1.60 bpc at order 5, 1.41 at order 7): the top order uses counts, lower orders continuation counts
(distinct predecessors), the base is uniform. Same split, vocabulary and scoring as ngram_baseline.py.
Result here (D = 0.75): 1.6807 at order 5, 1.4774 at order 7 (docs/language-model-training.md).
"""
import sys
import os
sys.path.insert(0, os.path.dirname(__file__))
import numpy as np
from corpus import load_streams
from ngram_baseline import ngram_keys, lookup, BASE

D = float(sys.argv[1]) if len(sys.argv) > 1 else 0.75
vocab, s = load_streams(); V=len(vocab); nl=vocab.index('\n')
tr = s['train']; NMAX=7
raw = {}
for n in range(1, NMAX+1):
    k, c = np.unique(ngram_keys(tr, n), return_counts=True)
    raw[n] = (k, c.astype(np.float64))
def table(keys, counts):
    hist, start = np.unique(keys // BASE, return_index=True)
    return dict(keys=keys, counts=counts, hist=hist, total=np.add.reduceat(counts, start),
                types=np.diff(np.append(start, len(keys))).astype(np.float64))
def cont(n):  # continuation counts of n-grams: distinct predecessors, from the (n+1)-gram keys
    k1 = raw[n+1][0]
    suffix = k1 % (BASE ** np.uint64(n))
    k, c = np.unique(suffix, return_counts=True)
    return k, c.astype(np.float64)
def score(N, stream):
    tabs = [table(*cont(n)) if n < N else table(*raw[n]) for n in range(1, N+1)]
    ids = np.concatenate([[nl], stream]).astype(np.uint8); T=len(ids)-1
    p = np.full(T, 1.0/V)
    for n, t in enumerate(tabs, start=1):
        first = max(1, n-1)
        full = ngram_keys(ids, n)[first-(n-1):]
        hi, hf = lookup(t['hist'], full // BASE); ki, kf = lookup(t['keys'], full)
        cnt = np.where(kf, t['counts'][ki], 0.0); tot = t['total'][hi]; ty = t['types'][hi]
        prev = p[first-1:]
        p[first-1:] = np.where(hf, np.maximum(cnt - D, 0)/tot + D*ty/tot*prev, prev)
    return float(-np.log2(p).mean())
for N in (5, 7):
    print('KN D', D, 'order', N, 'test', round(score(N, s['test']), 4), flush=True)
