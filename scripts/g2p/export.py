"""Export a trained checkpoint to the two ONNX models and vocab.json in public/models/g2p/.

  /usr/bin/python3 scripts/g2p/export.py --checkpoint /tmp/g2p-run/best.pt

encoder.onnx       letters int64 [1,S] -> memory [1,S,2E] (forward half first), h0 [1,H], c0 [1,H]
decoder-step.onnx  token int64 [B], h [B,H], c [B,H], memory [B,S,2E]
                   -> log_probs [B,V], attention [B,S], h_out [B,H], c_out [B,H]
Opset 14, dynamic S and B. Both files pass onnx.checker, and the encoder's BiLSTM is one
standard ONNX LSTM node (so chapter 11 can replay it); its name and the letter embedding's
initializer name go into vocab.json.
"""
import argparse
import json
import os
import sys

import onnx
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(__file__))
from data import BOS_ID, EOS_ID, LETTERS, PHONEMES, ROOT, encode_word  # noqa: E402
from model import build_model, count_params  # noqa: E402

OUT_DIR = os.path.join(ROOT, 'public', 'models', 'g2p')
OPSET = 14


class Encoder(nn.Module):
    """letters [1,S] -> memory, h0, c0."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, letters):
        return self.model.encode(letters)


class DecoderStep(nn.Module):
    """One decoder step with its state in and out."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, token, h, c, memory):
        return self.model.step(token, h, c, memory)


def load(checkpoint):
    """The model of a checkpoint, in eval mode, and the checkpoint dict."""
    ck = torch.load(checkpoint)
    model = build_model(ck['config'])
    model.load_state_dict(ck['model'])
    model.eval()
    return model, ck


def export(model, out_dir):
    """Write both ONNX files; return (embedding initializer name, LSTM node name)."""
    os.makedirs(out_dir, exist_ok=True)
    letters = torch.tensor([encode_word('example')])
    enc_path = os.path.join(out_dir, 'encoder.onnx')
    torch.onnx.export(Encoder(model), (letters,), enc_path, opset_version=OPSET,
                      input_names=['letters'], output_names=['memory', 'h0', 'c0'],
                      dynamic_axes={'letters': {1: 'letters'}, 'memory': {1: 'letters'}},
                      do_constant_folding=True)
    memory, h0, c0 = model.encode(letters)
    B = 3
    dec_path = os.path.join(out_dir, 'decoder-step.onnx')
    torch.onnx.export(DecoderStep(model),
                      (torch.full((B,), BOS_ID, dtype=torch.long), h0.expand(B, -1),
                       c0.expand(B, -1), memory.expand(B, -1, -1)),
                      dec_path, opset_version=OPSET,
                      input_names=['token', 'h', 'c', 'memory'],
                      output_names=['log_probs', 'attention', 'h_out', 'c_out'],
                      dynamic_axes={'token': {0: 'beams'}, 'h': {0: 'beams'}, 'c': {0: 'beams'},
                                    'memory': {0: 'beams', 1: 'letters'},
                                    'log_probs': {0: 'beams'}, 'attention': {0: 'beams', 1: 'letters'},
                                    'h_out': {0: 'beams'}, 'c_out': {0: 'beams'}},
                      do_constant_folding=True)
    enc = onnx.load(enc_path)
    onnx.checker.check_model(enc)
    onnx.checker.check_model(onnx.load(dec_path))
    lstm = [n for n in enc.graph.node if n.op_type == 'LSTM']
    assert len(lstm) == 1, f'expected one LSTM node, found {len(lstm)}'
    assert lstm[0].name, 'the LSTM node has no name'
    direction = [a.s.decode() for a in lstm[0].attribute if a.name == 'direction']
    assert direction == ['bidirectional'], direction
    inits = {i.name: i for i in enc.graph.initializer}
    emb = 'model.letter_embedding.weight'
    if emb not in inits:  # find the embedding table by its shape
        shape = list(model.letter_embedding.weight.shape)
        emb = next(n for n, i in inits.items() if list(i.dims) == shape)
    gather = [n for n in enc.graph.node if n.op_type == 'Gather' and n.input[0] == emb]
    assert gather, 'the embedding initializer does not feed a Gather'
    return emb, lstm[0].name


def write_vocab(model, out_dir, embedding, lstm):
    """vocab.json: letters, phonemes, BOS/EOS ids, encoder names for chapter 11, params."""
    vocab = dict(letters=LETTERS, phonemes=PHONEMES, bos=BOS_ID, eos=EOS_ID,
                 encoder=dict(embedding=embedding, lstm=lstm), params=count_params(model))
    with open(os.path.join(out_dir, 'vocab.json'), 'w') as f:
        json.dump(vocab, f, indent=1)
        f.write('\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--checkpoint', default='/tmp/g2p-run/best.pt')
    ap.add_argument('--out', default=OUT_DIR)
    args = ap.parse_args()
    torch.set_num_threads(1)
    model, ck = load(args.checkpoint)
    with torch.no_grad():
        embedding, lstm = export(model, args.out)
    write_vocab(model, args.out, embedding, lstm)
    sizes = {f: os.path.getsize(os.path.join(args.out, f)) for f in sorted(os.listdir(args.out))}
    print(f'exported epoch {ck["epoch"]}: embedding {embedding!r}, LSTM node {lstm!r}, {sizes}')


if __name__ == '__main__':
    main()
