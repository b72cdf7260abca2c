"""Sequential partitioning of a character stream, and bits per character of a whole stream.

Training cuts the train stream (from a per-epoch offset) into B equal parallel streams, rows of a
[B, L] tensor; step k reads columns k*S .. (k+1)*S as inputs and the next characters as targets,
and the LSTM state is carried from step to step (detached: truncated BPTT).
"""
import math

import torch
import torch.nn.functional as F

LN2 = math.log(2)


def partition(ids, batch):
    """[batch, L] int64 tensor of a 1-D id array cut into equal consecutive pieces (tail dropped)."""
    length = len(ids) // batch
    return torch.as_tensor(ids[:batch * length].astype('int64')).view(batch, length)


def steps_in(data, seq):
    """Number of full training steps in a partitioned [B, L] tensor."""
    return (data.shape[1] - 1) // seq


@torch.no_grad()
def stream_bpc(model, ids, first_input, batch=32, seq=256, device='cpu'):
    """Bits per character over every character of `ids`, the first predicted from `first_input`.

    The stream (with first_input in front) is cut into `batch` consecutive pieces run in parallel,
    each from a zero state with the state carried across chunks of `seq`; the padding of the
    last piece is not scored. batch=1 scores the stream strictly in order.
    """
    was_training = model.training
    model.eval()
    full = torch.cat([torch.tensor([first_input]), torch.as_tensor(ids.astype('int64'))])
    inputs, targets = full[:-1], full[1:]
    n = len(targets)
    length = math.ceil(n / batch)
    pad = batch * length - n
    inputs = torch.cat([inputs, torch.zeros(pad, dtype=torch.long)]).view(batch, length)
    targets = torch.cat([targets, torch.full((pad,), -100, dtype=torch.long)]).view(batch, length)
    state = model.zero_state(batch, device)
    total = 0.0
    for k in range(0, length, seq):
        x, y = inputs[:, k:k + seq].to(device), targets[:, k:k + seq].to(device)
        logits, state = model(x, state)
        total += F.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1),
                                 ignore_index=-100, reduction='sum').item()
    model.train(was_training)
    return total / n / LN2
