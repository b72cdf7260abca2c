"""PER and WER of a checkpoint on ALL held-out words (greedy), written to metrics.json.

  /usr/bin/python3 scripts/g2p/evaluate.py --checkpoint /tmp/g2p-run/best.pt \
      --command "<the training command>"

PER = summed Levenshtein distance over phonemes / summed reference length; WER = share of
held-out words with any error. With --beam N, the best of a width-N beam search is scored too.
Also records the split, size, training time and machine.
"""
import argparse
import datetime
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(__file__))
from data import SPLIT_RULE, load_splits  # noqa: E402
from decode import beam_search, greedy_batch  # noqa: E402
from export import OUT_DIR, load  # noqa: E402
from metrics import error_rates  # noqa: E402
from model import count_params  # noqa: E402

ARCHITECTURE = ('letter embedding 64 -> one bidirectional LSTM encoder (192 per direction) -> '
                'bridge (tanh Linear for h0, Linear for c0) -> 1-layer LSTM decoder (256, phoneme '
                'embedding 64) -> Luong general attention, no input feeding -> tanh Linear(640->256) '
                '-> Linear to 42 phoneme ids (39 ARPAbet + pad, BOS, EOS)')


def machine():
    """CPU model and core count from /proc/cpuinfo."""
    with open('/proc/cpuinfo') as f:
        lines = f.read().splitlines()
    model = next((l.split(':', 1)[1].strip() for l in lines if l.startswith('model name')), '?')
    return dict(cpu=model, cores=sum(1 for l in lines if l.startswith('processor')))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--checkpoint', default='/tmp/g2p-run/best.pt')
    ap.add_argument('--command', default='')
    ap.add_argument('--out', default=os.path.join(OUT_DIR, 'metrics.json'))
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--beam', type=int, default=0, help='also report beam search of this width')
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    model, ck = load(args.checkpoint)
    splits = load_splits()
    test = splits['test']
    t = time.time()
    order = sorted(range(len(test)), key=lambda i: len(test[i][0]))  # less padding per batch
    preds = [None] * len(test)
    for k in range(0, len(order), 512):
        chunk = order[k:k + 512]
        for i, phones in zip(chunk, greedy_batch(model, [test[i][0] for i in chunk])):
            preds[i] = phones
    per, wer = error_rates(preds, [p for _, p in test])
    metrics = dict(per=per, wer=wer, heldOutWords=len(test), trainWords=len(splits['train']),
                   validWords=len(splits['valid']), splitRule=SPLIT_RULE,
                   params=count_params(model), architecture=ARCHITECTURE,
                   epochs=ck['epoch'], trainSeconds=round(ck['train_seconds']),
                   decoding='greedy', machine=machine(), torch=torch.__version__,
                   command=args.command, date=datetime.datetime.utcnow().strftime('%Y-%m-%d'),
                   history=ck.get('history', []))
    if args.beam:
        t_beam = time.time()
        beams = [beam_search(model, w, args.beam)[0]['phonemes'] for w, _ in test]
        b_per, b_wer = error_rates(beams, [p for _, p in test])
        metrics[f'beam{args.beam}'] = dict(per=b_per, wer=b_wer)
        print(f'beam {args.beam}: PER {b_per:.4f} WER {b_wer:.4f} ({time.time() - t_beam:.0f}s)')
    with open(args.out, 'w') as f:
        json.dump(metrics, f, indent=1)
        f.write('\n')
    print(f'PER {per:.4f} WER {wer:.4f} on {len(test)} held-out words '
          f'({time.time() - t:.0f}s)')


if __name__ == '__main__':
    main()
