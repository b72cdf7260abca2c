"""test/fixtures/lm/: a small stateful char-LSTM ONNX file and PyTorch's outputs for it.

  /usr/bin/python3 scripts/lm/make_fixture.py                       (seeded random 2 x 16 model)
  /usr/bin/python3 scripts/lm/make_fixture.py --checkpoint runs/lm/main/best.pt --name char-lstm

The model goes through export_onnx.export (the path the shipped model takes). The sidecar JSON
holds two texts of the same length encoded with split.json's vocabulary (batch 2), a non-zero
initial state, and PyTorch's logits [2, S, V], h_out and c_out for the whole sequence in one call.
test/lm-onnx-parity.test.ts runs the file in onnxruntime-web twice: in one call, and one
character at a time (S = 1) with the state carried, as the page decodes.
"""
import argparse
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(__file__))
from corpus import ROOT, SPLIT_PATH, encode  # noqa: E402
from export_onnx import export, load  # noqa: E402
from model import build_model  # noqa: E402

OUT_DIR = os.path.join(ROOT, 'test', 'fixtures', 'lm')
TEXTS = ['Fellow-Citizens of the Senate', '"We the People" (1787), $100.']


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--checkpoint', default=None, help='default: a seeded random 2 x 16 model')
    ap.add_argument('--name', default='char-lstm-tiny')
    args = ap.parse_args()
    torch.set_num_threads(1)
    with open(SPLIT_PATH, encoding='utf-8') as f:
        vocab = json.load(f)['vocab']
    if args.checkpoint:
        model, _ = load(args.checkpoint)
    else:
        torch.manual_seed(21)
        model = build_model(dict(vocab=len(vocab), embedding=8, hidden=16, layers=2, dropout=0.0)).eval()
    os.makedirs(OUT_DIR, exist_ok=True)
    export(model, os.path.join(OUT_DIR, f'{args.name}.onnx'))
    assert len({len(t) for t in TEXTS}) == 1
    tokens = torch.tensor([encode(t, vocab).astype('int64') for t in TEXTS])
    gen = torch.Generator().manual_seed(5)
    layers, hidden = model.lstm.num_layers, model.lstm.hidden_size
    h = 0.5 * torch.randn(layers, 2, hidden, generator=gen)
    c = 0.5 * torch.randn(layers, 2, hidden, generator=gen)
    with torch.no_grad():
        logits, (h_out, c_out) = model(tokens, (h, c))
    data = dict(source=f'scripts/lm/make_fixture.py, PyTorch {torch.__version__}, '
                       f'{args.checkpoint or "seeded random model (torch.manual_seed(21))"}',
                texts=TEXTS, inputs=dict(tokens=tokens.tolist(), h=h.tolist(), c=c.tolist()),
                outputs=dict(logits=logits.tolist(), h_out=h_out.tolist(), c_out=c_out.tolist()))
    path = os.path.join(OUT_DIR, f'{args.name}.json')
    with open(path, 'w') as f:
        json.dump(data, f)
        f.write('\n')
    print(f'wrote {path} and {args.name}.onnx: tokens {list(tokens.shape)}, logits {list(logits.shape)}')


if __name__ == '__main__':
    main()
