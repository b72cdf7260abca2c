#!/usr/bin/env python3
"""Write test/fixtures/gru-reset/gru_reset.json: one GRU step in both placements of the reset gate.

Run with Debian's python3-torch (PyTorch 1.13):  /usr/bin/python3 scripts/make_gru_reset_fixture.py
Seeded and float64, so reruns give the same file. Read by test/lib/nn/gru-reset.test.ts.

  PyTorch (reset after W_hn):  n = tanh(W_in x + b_in + r * (W_hn h + b_hn))
  Cho et al. 2014 (before):    n = tanh(W_in x + b_in + W_hn (r * h) + b_hn)

Both are written out explicitly from nn.GRUCell's weights; the PyTorch form is also checked against the
cell itself, so the explicit code is known to follow PyTorch's layout (rows r, z, n).
"""
import json
import os

import torch

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'gru-reset', 'gru_reset.json')


def both_forms(cell, x, h):
    H = cell.hidden_size
    w_ir, w_iz, w_in = cell.weight_ih.split(H)
    w_hr, w_hz, w_hn = cell.weight_hh.split(H)
    b_ir, b_iz, b_in = cell.bias_ih.split(H)
    b_hr, b_hz, b_hn = cell.bias_hh.split(H)
    r = torch.sigmoid(x @ w_ir.T + b_ir + h @ w_hr.T + b_hr)
    z = torch.sigmoid(x @ w_iz.T + b_iz + h @ w_hz.T + b_hz)
    out = {'r': r, 'z': z}
    for name, hidden in [('after', r * (h @ w_hn.T + b_hn)), ('before', (r * h) @ w_hn.T + b_hn)]:
        n = torch.tanh(x @ w_in.T + b_in + hidden)
        out[name] = {'hidden_candidate': hidden, 'n': n, 'h': (1 - z) * n + z * h}
    return out


def main():
    torch.manual_seed(13)
    D, H, B = 3, 4, 2
    cell = torch.nn.GRUCell(D, H)
    x = torch.randn(B, D)
    h = torch.randn(B, H)
    with torch.no_grad():
        forms = both_forms(cell, x, h)
        reference = cell(x, h)
    assert torch.allclose(forms['after']['h'], reference, atol=1e-14, rtol=0), 'explicit PyTorch form differs from nn.GRUCell'
    assert not torch.allclose(forms['after']['h'], forms['before']['h']), 'the two forms should differ here'
    tensors = lambda d: {k: (v.tolist() if isinstance(v, torch.Tensor) else tensors(v)) for k, v in d.items()}
    payload = {
        'generator': 'scripts/make_gru_reset_fixture.py',
        'torch': torch.__version__,
        'input_size': D, 'hidden_size': H, 'batch': B,
        'weight_ih': cell.weight_ih.tolist(), 'weight_hh': cell.weight_hh.tolist(),
        'bias_ih': cell.bias_ih.tolist(), 'bias_hh': cell.bias_hh.tolist(),
        'x': x.tolist(), 'h_prev': h.tolist(),
        **tensors(forms),
        'gru_cell_h': reference.tolist(),
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        json.dump(payload, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
