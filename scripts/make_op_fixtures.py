#!/usr/bin/env python3
"""Write PyTorch reference values for the non-recurrent core into test/fixtures/ops/*.json.

Run with Debian's python3-torch (PyTorch 1.13):  /usr/bin/python3 scripts/make_op_fixtures.py
Seeded and float64 throughout, so reruns give the same files. Non-finite numbers are written as the
strings "nan", "inf" and "-inf" (JSON has no literal for them). Recurrent-layer cases live elsewhere
(test/fixtures/torch/, with their own schema); these files are read by test/lib/**.
"""
import json
import math
import os

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'ops')


def enc(value):
    """Nested lists with non-finite floats as strings."""
    if isinstance(value, torch.Tensor):
        value = value.detach().tolist()
    if isinstance(value, float):
        if math.isnan(value):
            return 'nan'
        if math.isinf(value):
            return 'inf' if value > 0 else '-inf'
        return value
    if isinstance(value, (list, tuple)):
        return [enc(v) for v in value]
    if isinstance(value, dict):
        return {k: enc(v) for k, v in value.items()}
    return value


def write(name, payload):
    payload = {'generator': 'scripts/make_op_fixtures.py', 'torch': torch.__version__, **payload}
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump(enc(payload), f, indent=1, allow_nan=False)
        f.write('\n')


def linear_cases():
    torch.manual_seed(1)
    cases = []
    for name, shape, out, bias in [('batch', (4, 3), 2, True), ('no_bias', (5, 4), 3, False),
                                   ('leading_dims', (2, 3, 4), 5, True), ('single_row', (1, 6), 1, True)]:
        layer = torch.nn.Linear(shape[-1], out, bias=bias)
        x = torch.randn(*shape, requires_grad=True)
        y = layer(x)
        grad_output = torch.randn_like(y)
        y.backward(grad_output)
        cases.append({'name': name, 'in_features': shape[-1], 'out_features': out, 'bias': bias,
                      'weight': layer.weight, 'bias_value': layer.bias if bias else None,
                      'input': x, 'output': y, 'grad_output': grad_output,
                      'grads': {'input': x.grad, 'weight': layer.weight.grad,
                                'bias': layer.bias.grad if bias else None}})
    write('linear.json', {'cases': cases})


def loss_cases():
    torch.manual_seed(2)
    cases = []

    def add(kind, name, x, target, reduction, **extra):
        x = x.clone().requires_grad_(True)
        if kind == 'cross_entropy':
            loss = F.cross_entropy(x, target, reduction=reduction, ignore_index=extra.get('ignore_index', -100))
        elif kind == 'mse':
            loss = F.mse_loss(x, target, reduction=reduction)
        else:
            loss = F.binary_cross_entropy_with_logits(x, target, reduction=reduction)
        loss.backward()
        cases.append({'kind': kind, 'name': name, 'reduction': reduction, 'input': x, 'target': target,
                      'loss': loss.item(), 'grad': x.grad, **extra})

    logits = torch.randn(6, 5) * 3
    targets = torch.tensor([0, 4, 2, 2, 1, 3])
    for reduction in ('mean', 'sum'):
        add('cross_entropy', f'ce_{reduction}', logits, targets, reduction)
        add('cross_entropy', f'ce_ignore_default_{reduction}', logits, torch.tensor([0, -100, 2, -100, 1, 3]), reduction)
        add('cross_entropy', f'ce_ignore_2_{reduction}', logits, targets, reduction, ignore_index=2)
        add('cross_entropy', f'ce_all_ignored_{reduction}', logits, torch.full((6,), -100), reduction)
        add('cross_entropy', f'ce_large_logits_{reduction}', torch.tensor([[1000., 0., -1000.], [-800., 800., 0.]]),
            torch.tensor([1, 1]), reduction)
        x = torch.randn(4, 3)
        add('mse', f'mse_{reduction}', x, torch.randn(4, 3), reduction)
        add('bce_with_logits', f'bce_{reduction}', torch.randn(3, 4) * 2, torch.rand(3, 4), reduction)
        add('bce_with_logits', f'bce_extreme_{reduction}', torch.tensor([-200., -30., 0., 30., 200.]),
            torch.tensor([0., 1., 0.5, 0., 1.]), reduction)
    write('losses.json', {'cases': cases})


def clip_cases():
    torch.manual_seed(3)
    base = [torch.randn(3, 4), torch.randn(4), torch.randn(2, 2)]
    norm_cases = []
    for name, grads, max_norm, norm_type, error in [
        ('l2_above', base, 1.0, 2.0, False),
        ('l2_below', base, 100.0, 2.0, False),
        ('inf_above', base, 0.5, math.inf, False),
        ('inf_below', base, 10.0, math.inf, False),
        ('l1_above', base, 2.0, 1.0, False),
        ('l3_above', base, 1.0, 3.0, False),
        ('single_param', base[:1], 0.25, 2.0, False),
        ('nonfinite_inf', [base[0], torch.tensor([1.0, math.inf, -2.0])], 1.0, 2.0, False),
        ('nonfinite_nan', [base[0], torch.tensor([1.0, math.nan, -2.0])], 1.0, 2.0, False),
        ('nonfinite_error', [base[0], torch.tensor([1.0, math.inf, -2.0])], 1.0, 2.0, True),
    ]:
        params = [torch.zeros_like(g, requires_grad=True) for g in grads]
        for p, g in zip(params, grads):
            p.grad = g.clone()
        case = {'name': name, 'max_norm': max_norm, 'norm_type': norm_type, 'error_if_nonfinite': error,
                'grads_before': [g for g in grads]}
        try:
            total = torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type, error_if_nonfinite=error)
            case.update({'raises': False, 'total_norm': total.item(), 'grads_after': [p.grad for p in params]})
        except RuntimeError:
            case.update({'raises': True})
        norm_cases.append(case)
    value_cases = []
    for name, grads, clip_value in [('value_mixed', base, 0.5), ('value_none_clipped', base, 100.0),
                                    ('value_inf', [torch.tensor([math.inf, -math.inf, 0.3])], 1.0)]:
        params = [torch.zeros_like(g, requires_grad=True) for g in grads]
        for p, g in zip(params, grads):
            p.grad = g.clone()
        torch.nn.utils.clip_grad_value_(params, clip_value)
        value_cases.append({'name': name, 'clip_value': clip_value, 'grads_before': grads,
                            'grads_after': [p.grad for p in params]})
    write('clip.json', {'norm_cases': norm_cases, 'value_cases': value_cases})


def optim_cases(steps=25):
    """Linear(3, 2) with MSE on fixed data; parameters after each step, loss before each step."""
    torch.manual_seed(4)
    x = torch.randn(8, 3)
    y = torch.randn(8, 2)
    init = torch.nn.Linear(3, 2)
    configs = [
        ('sgd_plain', 'SGD', {'lr': 0.1}, None),
        ('sgd_momentum', 'SGD', {'lr': 0.05, 'momentum': 0.9}, None),
        ('sgd_nesterov', 'SGD', {'lr': 0.05, 'momentum': 0.9, 'nesterov': True}, None),
        ('sgd_weight_decay', 'SGD', {'lr': 0.05, 'momentum': 0.5, 'weight_decay': 0.1}, None),
        ('sgd_dampening', 'SGD', {'lr': 0.05, 'momentum': 0.8, 'dampening': 0.3}, None),
        ('sgd_maximize', 'SGD', {'lr': 0.01, 'momentum': 0.5, 'maximize': True}, None),
        ('sgd_clip_norm', 'SGD', {'lr': 0.2, 'momentum': 0.9}, 0.3),
        ('adam_default', 'Adam', {'lr': 0.05}, None),
        ('adam_betas_eps', 'Adam', {'lr': 0.02, 'betas': (0.8, 0.99), 'eps': 1e-6}, None),
        ('adam_weight_decay', 'Adam', {'lr': 0.05, 'weight_decay': 0.1}, None),
        ('adam_amsgrad', 'Adam', {'lr': 0.05, 'amsgrad': True, 'weight_decay': 0.01}, None),
        ('adamw_default', 'AdamW', {'lr': 0.05}, None),
        ('adamw_weight_decay', 'AdamW', {'lr': 0.05, 'weight_decay': 0.1}, None),
        ('adamw_amsgrad', 'AdamW', {'lr': 0.05, 'weight_decay': 0.2, 'amsgrad': True}, None),
        ('adam_clip_norm', 'Adam', {'lr': 0.05}, 0.3),
    ]
    cases = []
    for name, kind, options, clip in configs:
        model = torch.nn.Linear(3, 2)
        with torch.no_grad():
            model.weight.copy_(init.weight)
            model.bias.copy_(init.bias)
        opt = getattr(torch.optim, kind)(model.parameters(), **options)
        losses, weights, biases, norms = [], [], [], []
        for _ in range(steps):
            opt.zero_grad()
            loss = F.mse_loss(model(x), y)
            loss.backward()
            if clip is not None:
                norms.append(torch.nn.utils.clip_grad_norm_(model.parameters(), clip).item())
            opt.step()
            losses.append(loss.item())
            weights.append(model.weight.detach().clone())
            biases.append(model.bias.detach().clone())
        cases.append({'name': name, 'optimizer': kind, 'options': options, 'clip_max_norm': clip,
                      'losses': losses, 'weights': weights, 'biases': biases, 'total_norms': norms})
    write('optim.json', {'problem': 'Linear(3, 2) + mse_loss(mean), full batch', 'steps': steps,
                         'x': x, 'y': y, 'initial_weight': init.weight, 'initial_bias': init.bias,
                         'cases': cases})


def count_cases():
    numel = lambda m: sum(p.numel() for p in m.parameters())
    recurrent = []
    for module in ('RNN', 'LSTM', 'GRU'):
        for layers in (1, 2, 3):
            for bidirectional in (False, True):
                for bias in (True, False):
                    for input_size, hidden_size in ((5, 7), (100, 128)):
                        m = getattr(torch.nn, module)(input_size, hidden_size, num_layers=layers,
                                                      bias=bias, bidirectional=bidirectional)
                        recurrent.append({'module': module, 'input_size': input_size, 'hidden_size': hidden_size,
                                          'num_layers': layers, 'bidirectional': bidirectional, 'bias': bias,
                                          'num_parameters': numel(m)})
    linear = [{'in_features': i, 'out_features': o, 'bias': b, 'num_parameters': numel(torch.nn.Linear(i, o, bias=b))}
              for i, o in ((1, 1), (3, 7), (1000, 128)) for b in (True, False)]
    conv1d = [{'in_channels': i, 'out_channels': o, 'kernel_size': k, 'bias': b,
               'num_parameters': numel(torch.nn.Conv1d(i, o, k, bias=b))}
              for i, o, k in ((1, 1, 1), (4, 6, 5), (100, 128, 3)) for b in (True, False)]
    comparison = {'input_size': 100, 'hidden_size': 128, 'sequence_length': 10, 'kernel_size': 3,
                  'feed_forward': numel(torch.nn.Linear(1000, 128, bias=False)),
                  'conv1d': numel(torch.nn.Conv1d(100, 128, 3, bias=False)),
                  'rnn': numel(torch.nn.RNN(100, 128, bias=False))}
    write('counts.json', {'recurrent': recurrent, 'linear': linear, 'conv1d': conv1d,
                          'comparison_chapter': comparison})


def orthogonal_cases():
    """torch.nn.init.orthogonal_ together with the Gaussian matrix it drew (same seed, same draw)."""
    cases = []
    for seed, shape, gain in ((5, (5, 3), 1.0), (6, (3, 5), 1.0), (7, (4, 4), 1.0), (8, (6, 2, 2), 2.0)):
        rows = shape[0]
        cols = math.prod(shape) // rows
        torch.manual_seed(seed)
        gaussian = torch.empty(rows, cols).normal_(0, 1)
        torch.manual_seed(seed)
        weight = torch.nn.init.orthogonal_(torch.empty(*shape), gain=gain)
        cases.append({'shape': list(shape), 'gain': gain, 'gaussian': gaussian, 'result': weight.reshape(rows, cols)})
    write('orthogonal.json', {'cases': cases})


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    linear_cases()
    loss_cases()
    clip_cases()
    optim_cases()
    count_cases()
    orthogonal_cases()
    print('wrote', sorted(os.listdir(OUT)))
