"""Write test/fixtures/g2p/decode.json: PyTorch's decoding of held-out words with the exported model.

  /usr/bin/python3 scripts/g2p/make_fixtures.py --checkpoint /tmp/g2p-run/best.pt

Run it after export.py with the same checkpoint; the JSON records the SHA-256 of both ONNX
files so the tests can tell stale fixtures from wrong decoding. Per word (20 held-out words,
three chosen ones plus every 600th of the held-out list): greedy phonemes and attention,
beam-4 candidates (phonemes, score, finished) and the best one's attention, the first row of
the encoder memory. Also a 200-word held-out sample with PyTorch's greedy output and its
PER/WER, to check the TypeScript pipeline against metrics.json.
"""
import argparse
import hashlib
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(__file__))
from data import ROOT, load_splits  # noqa: E402
from decode import beam_search, greedy, greedy_batch  # noqa: E402
from export import OUT_DIR, load  # noqa: E402
from metrics import error_rates  # noqa: E402

FIXTURE = os.path.join(ROOT, 'test', 'fixtures', 'g2p', 'decode.json')
CHOSEN = ["'course", 'o', 'counterinsurgencies']  # an apostrophe, the shortest, the longest


def sha256(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def rounded(rows, digits=7):
    return [[round(x, digits) for x in row] for row in rows]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--checkpoint', default='/tmp/g2p-run/best.pt')
    args = ap.parse_args()
    torch.set_num_threads(1)
    model, ck = load(args.checkpoint)
    test = load_splits()['test']
    reference = dict(test)
    words = CHOSEN + [w for w, _ in test[300::600]][:17]
    cases = []
    for word in words:
        phones, rows, memory = greedy(model, word)
        beams = beam_search(model, word, 4)
        cases.append(dict(
            word=word, reference=reference[word], greedy=phones, greedyAttention=rounded(rows),
            memoryFirstRow=[round(x, 7) for x in memory[0].tolist()],
            beam4=[dict(phonemes=b['phonemes'], score=b['score'], finished=b['finished'])
                   for b in beams],
            beam4BestAttention=rounded(beams[0]['attention'])))
    sample = test[7::62][:200]
    preds = greedy_batch(model, [w for w, _ in sample])
    per, wer = error_rates(preds, [p for _, p in sample])
    fixture = dict(
        source='scripts/g2p/make_fixtures.py (PyTorch %s, checkpoint epoch %s)' % (torch.__version__, ck['epoch']),
        models={f: sha256(os.path.join(OUT_DIR, f)) for f in ('encoder.onnx', 'decoder-step.onnx')},
        beamWidth=4, cases=cases,
        sample=dict(words=[w for w, _ in sample], references=[p for _, p in sample],
                    greedy=preds, per=per, wer=wer))
    os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
    with open(FIXTURE, 'w') as f:
        json.dump(fixture, f)
        f.write('\n')
    print(f'{len(cases)} cases, sample of {len(sample)}: PER {per:.4f} WER {wer:.4f}')


if __name__ == '__main__':
    main()
