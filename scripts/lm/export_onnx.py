"""Export a checkpoint to ONNX (opset 14, standard LSTM operator) with its state in and out.

  /usr/bin/python3 scripts/lm/export_onnx.py --checkpoint runs/lm/main/best.pt     (-> public/models/lm/)
  node scripts/make-model-manifest.mjs                                              (then: SHA-256 list)

model.onnx   tokens int64 [B, S], h float32 [L, B, H], c float32 [L, B, H]
             -> logits float32 [B, S, V], h_out [L, B, H], c_out [L, B, H]
             B and S are dynamic: S = 1 is the one-step model for stateful decoding (feed h_out
             and c_out back as h and c); a longer S runs a passage in one call.
vocab.json   the vocabulary (id 0 = unknown), ids of "\\n" and the unknown symbol, the config,
             parameter count, tensor and node names, the split rule, and what chose the checkpoint.
Checks: onnx.checker, one ONNX LSTM node per layer. The numeric check against onnxruntime runs in
vitest (test/lm-onnx-parity.test.ts, fixture from make_fixture.py), as Python has no onnxruntime here.
"""
import argparse
import hashlib
import json
import os
import sys

import onnx
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(__file__))
from corpus import NORMALISATION, ROOT, SPLIT_PATH, SPLIT_RULE, UNK  # noqa: E402
from model import build_model, count_params  # noqa: E402

OUT_DIR = os.path.join(ROOT, 'public', 'models', 'lm')
OPSET = 14
INPUTS, OUTPUTS = ['tokens', 'h', 'c'], ['logits', 'h_out', 'c_out']


class Stateful(nn.Module):
    """forward(tokens, h, c) -> logits, h_out, c_out (explicit state for ONNX)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, tokens, h, c):
        logits, (h_out, c_out) = self.model(tokens, (h, c))
        return logits, h_out, c_out


def load(checkpoint):
    """The model of a checkpoint (best.pt or last.pt) in eval mode, and the checkpoint dict."""
    ck = torch.load(checkpoint, map_location='cpu')
    model = build_model(ck['config'])
    model.load_state_dict(ck['model'])
    model.eval()
    return model, ck


def export(model, path):
    """Write model.onnx to `path`, check it, and return the LSTM node names (one per layer)."""
    layers, hidden = model.lstm.num_layers, model.lstm.hidden_size
    tokens = torch.zeros(2, 3, dtype=torch.long)
    h = torch.zeros(layers, 2, hidden)
    with torch.no_grad():
        torch.onnx.export(Stateful(model), (tokens, h, h.clone()), path, opset_version=OPSET,
                          input_names=INPUTS, output_names=OUTPUTS,
                          dynamic_axes={'tokens': {0: 'batch', 1: 'steps'}, 'h': {1: 'batch'},
                                        'c': {1: 'batch'}, 'logits': {0: 'batch', 1: 'steps'},
                                        'h_out': {1: 'batch'}, 'c_out': {1: 'batch'}},
                          do_constant_folding=True)
    graph = onnx.load(path)
    onnx.checker.check_model(graph)
    lstm = [n.name for n in graph.graph.node if n.op_type == 'LSTM']
    assert len(lstm) == layers, f'expected {layers} LSTM nodes, found {lstm}'
    return lstm


def vocab_json(model, ck, lstm):
    """The contents of vocab.json."""
    with open(SPLIT_PATH, encoding='utf-8') as f:
        split = json.load(f)
    vocab = split['vocab']
    assert len(vocab) == ck['config']['vocab'], 'the checkpoint and split.json disagree on the vocabulary'
    return dict(vocab=vocab, unknown=vocab.index(UNK), newline=vocab.index('\n'), config=ck['config'],
                params=count_params(model), inputs=INPUTS, outputs=OUTPUTS, lstm_nodes=lstm,
                split=SPLIT_RULE, normalisation=NORMALISATION,
                checkpoint=dict(step=ck.get('step'), chars=ck.get('chars'),
                                valid_bpc=ck.get('valid_bpc', ck.get('best')),
                                train_seconds=ck.get('train_seconds')))


def manifest_entry(out_dir, name):
    """The entry scripts/make-model-manifest.mjs will write for a file under public/models/."""
    path = os.path.join(out_dir, name)
    with open(path, 'rb') as f:
        data = f.read()
    rel = os.path.relpath(path, os.path.join(ROOT, 'public', 'models')).replace(os.sep, '/')
    if rel.startswith('..'):  # exported elsewhere: the path it will have once copied to public/models/lm/
        rel = f'lm/{name}'
    return dict(path=rel, sha256=hashlib.sha256(data).hexdigest(), bytes=len(data))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--checkpoint', default='runs/lm/main/best.pt')
    ap.add_argument('--out-dir', default=OUT_DIR)
    args = ap.parse_args()
    torch.set_num_threads(1)
    model, ck = load(args.checkpoint)
    os.makedirs(args.out_dir, exist_ok=True)
    lstm = export(model, os.path.join(args.out_dir, 'model.onnx'))
    with open(os.path.join(args.out_dir, 'vocab.json'), 'w', encoding='utf-8') as f:
        json.dump(vocab_json(model, ck, lstm), f, indent=1)
        f.write('\n')
    print(f'exported {args.checkpoint} (step {ck.get("step")}, {count_params(model):,d} params), '
          f'LSTM nodes {lstm}')
    for name in ('model.onnx', 'vocab.json'):
        print(json.dumps(manifest_entry(args.out_dir, name)))
    print('run `node scripts/make-model-manifest.mjs` when the files are in public/models/')


if __name__ == '__main__':
    main()
