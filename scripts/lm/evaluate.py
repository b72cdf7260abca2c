"""Bits per character of a checkpoint on the validation and test streams -> a JSON file.

  /usr/bin/python3 scripts/lm/evaluate.py --checkpoint runs/lm/main/best.pt --out public/models/lm/metrics.json

Every character of each stream is scored, the first from "\\n" (as the n-gram baseline does).
--batch 1 scores each stream strictly in order from one zero state (the figure for the model card);
a larger batch cuts the stream into that many pieces, each starting from a zero state (faster, and
slightly pessimistic). The n-gram table of the same split (ngram-results.json) is copied in beside it.
"""
import argparse
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(__file__))
from corpus import SPLIT_RULE, load_streams  # noqa: E402
from export_onnx import load  # noqa: E402
from model import count_params  # noqa: E402
from ngram_baseline import RESULTS_PATH  # noqa: E402
from streams import stream_bpc  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--checkpoint', default='runs/lm/main/best.pt')
    ap.add_argument('--out', default='runs/lm/main/metrics.json')
    ap.add_argument('--batch', type=int, default=1)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--device', default='cpu')
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    model, ck = load(args.checkpoint)
    model.to(args.device)
    vocab, streams = load_streams()
    result = dict(checkpoint=os.path.basename(args.checkpoint), config=ck['config'],
                  params=count_params(model), step=ck.get('step'), chars_seen=ck.get('chars'),
                  train_seconds=ck.get('train_seconds'), split=SPLIT_RULE, eval_batch=args.batch)
    for split in ('valid', 'test'):
        t = time.time()
        result[f'{split}_bpc'] = round(stream_bpc(model, streams[split], vocab.index('\n'), args.batch,
                                                  256, args.device), 5)
        print(f'{split}: {result[f"{split}_bpc"]:.4f} bpc over {len(streams[split]):,d} chars '
              f'({time.time() - t:.0f} s)', flush=True)
    with open(RESULTS_PATH) as f:
        result['ngram'] = json.load(f)['orders']
    with open(args.out, 'w') as f:
        json.dump(result, f, indent=1)
        f.write('\n')
    print(f'-> {args.out}')


if __name__ == '__main__':
    main()
