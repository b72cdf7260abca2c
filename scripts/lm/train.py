"""Train the character LSTM on the train stream, with a time budget; resumes automatically.

  /usr/bin/python3 scripts/lm/train.py --minutes 120 --out runs/lm/main      (defaults: 2 x 512)

Truncated BPTT with sequential partitioning: each epoch cuts the train stream, from an offset in
[0, seq) drawn from torch.Generator(seed + epoch), into --batch parallel streams; the (h, c) state
is carried from step to step and detached, and reset to zeros at the start of each epoch.
Adam, gradient norm clipped to --clip; the learning rate is multiplied by --plateau-decay after an
evaluation that does not improve the best validation bpc. Seeded (torch.manual_seed(seed)).

<out>/last.pt   everything to go on: model, optimizer, RNG state, epoch, step in epoch, carried
                (h, c), chars seen, elapsed time, curve, best validation bpc. Written every
                --save-minutes, at the budget, and on SIGINT/SIGTERM (via a temp file + rename).
<out>/best.pt   the model (and config, step, chars, valid bpc) with the best validation bpc so far.
<out>/curve.json  the training curve: step, chars, train bpc (mean since the last row),
                valid bpc (on evaluation rows), lr, train seconds, wall seconds.
If <out>/last.pt exists the run continues from it: its model config, --batch, --seq, --seed and
learning rate (in the optimizer state) win over the flags. --fresh starts over.
"""
import argparse
import json
import math
import os
import signal
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
from corpus import load_streams  # noqa: E402
from model import CONFIG, build_model, count_params  # noqa: E402
from streams import LN2, partition, stream_bpc, steps_in  # noqa: E402


def parse_args(argv=None):
    """Command-line flags."""
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--out', default='runs/lm/main')
    ap.add_argument('--minutes', type=float, default=60, help='training time budget of this sitting')
    ap.add_argument('--layers', type=int, default=CONFIG['layers'])
    ap.add_argument('--hidden', type=int, default=CONFIG['hidden'])
    ap.add_argument('--embedding', type=int, default=CONFIG['embedding'])
    ap.add_argument('--dropout', type=float, default=CONFIG['dropout'])
    ap.add_argument('--batch', type=int, default=64)
    ap.add_argument('--seq', type=int, default=128)
    ap.add_argument('--lr', type=float, default=2e-3)
    ap.add_argument('--clip', type=float, default=1.0)
    ap.add_argument('--plateau-decay', type=float, default=0.5)
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--device', default='cpu', help='cpu or cuda')
    ap.add_argument('--save-minutes', type=float, default=10)
    ap.add_argument('--eval-minutes', type=float, default=30, help='train minutes between evaluations')
    ap.add_argument('--eval-batch', type=int, default=32)
    ap.add_argument('--valid-chars', type=int, default=0, help='score only this many (0: all)')
    ap.add_argument('--log-steps', type=int, default=50)
    ap.add_argument('--max-steps', type=int, default=0, help='stop after this many steps in total')
    ap.add_argument('--no-final-eval', action='store_true')
    ap.add_argument('--fresh', action='store_true', help='ignore <out>/last.pt')
    return ap.parse_args(argv)


def save_atomic(obj, path):
    """torch.save through a temp file and a rename, so a kill never leaves half a checkpoint."""
    tmp = path + '.tmp'
    torch.save(obj, tmp)
    os.replace(tmp, path)


class Run:
    """The training state that a checkpoint holds."""

    def __init__(self, args, vocab_size):
        self.args = args
        last = os.path.join(args.out, 'last.pt')
        self.ck = None if args.fresh or not os.path.exists(last) else torch.load(last, map_location='cpu')
        if self.ck:
            self.config = self.ck['config']
            for key in ('batch', 'seq', 'seed'):  # the data position depends on these
                setattr(args, key, self.ck['args'][key])
        else:
            self.config = dict(vocab=vocab_size, embedding=args.embedding, hidden=args.hidden,
                               layers=args.layers, dropout=args.dropout)
        torch.manual_seed(args.seed)
        self.device = torch.device(args.device)
        self.model = build_model(self.config).to(self.device)
        self.opt = torch.optim.Adam(self.model.parameters(), lr=args.lr)
        self.epoch, self.epoch_step, self.step, self.chars = 0, 0, 0, 0
        self.train_seconds, self.wall_seconds, self.best, self.curve, self.state = 0.0, 0.0, math.inf, [], None
        if self.ck:
            self.model.load_state_dict(self.ck['model'])
            self.opt.load_state_dict(self.ck['optimizer'])
            for key in ('epoch', 'epoch_step', 'step', 'chars', 'train_seconds', 'wall_seconds',
                        'best', 'curve'):
                setattr(self, key, self.ck[key])
            torch.set_rng_state(self.ck['rng'])
            if self.ck.get('cuda_rng') is not None and self.device.type == 'cuda':
                torch.cuda.set_rng_state(self.ck['cuda_rng'])
            if self.ck['state'] is not None:
                self.state = tuple(s.to(self.device) for s in self.ck['state'])

    def lr(self):
        """The current learning rate."""
        return self.opt.param_groups[0]['lr']

    def save(self, name='last.pt'):
        """Write everything needed to go on."""
        cuda_rng = torch.cuda.get_rng_state() if self.device.type == 'cuda' else None
        save_atomic(dict(model=self.model.state_dict(), optimizer=self.opt.state_dict(),
                         config=self.config, args=vars(self.args), epoch=self.epoch,
                         epoch_step=self.epoch_step, step=self.step, chars=self.chars,
                         train_seconds=self.train_seconds, wall_seconds=self.wall_seconds,
                         best=self.best, curve=self.curve, rng=torch.get_rng_state(), cuda_rng=cuda_rng,
                         state=None if self.state is None else tuple(s.cpu() for s in self.state)),
                    os.path.join(self.args.out, name))
        with open(os.path.join(self.args.out, 'curve.json'), 'w') as f:
            json.dump(dict(config=self.config, params=count_params(self.model), curve=self.curve), f)

    def save_best(self, valid_bpc):
        """Write best.pt: the model alone, with what chose it."""
        save_atomic(dict(model=self.model.state_dict(), config=self.config, step=self.step,
                         chars=self.chars, valid_bpc=valid_bpc, train_seconds=self.train_seconds,
                         args=vars(self.args)), os.path.join(self.args.out, 'best.pt'))


def epoch_data(train_ids, run):
    """The [B, L] partition of this epoch (offset from torch.Generator(seed + epoch))."""
    gen = torch.Generator().manual_seed(run.args.seed + run.epoch)
    offset = int(torch.randint(0, run.args.seq, (1,), generator=gen))
    return partition(train_ids[offset:], run.args.batch)


def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    vocab, streams = load_streams()
    newline = vocab.index('\n')
    valid = streams['valid'][:args.valid_chars] if args.valid_chars else streams['valid']
    run = Run(args, len(vocab))
    model, opt = run.model, run.opt
    print(f'{"resumed at step " + str(run.step) if run.ck else "fresh"}: params {count_params(model):,d} '
          f'config {run.config} train {len(streams["train"]):,d} valid {len(valid):,d} chars '
          f'threads {torch.get_num_threads()} device {run.device}', flush=True)

    stop = {'signal': None}
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda s, _f: stop.update(signal=s))

    def evaluate():
        t = time.time()
        bpc = stream_bpc(model, valid, newline, args.eval_batch, 256, run.device)
        row = dict(step=run.step, chars=run.chars, valid_bpc=round(bpc, 5), lr=run.lr(),
                   train_seconds=round(run.train_seconds, 1), wall_seconds=round(run.wall_seconds, 1))
        run.curve.append(row)
        improved = bpc < run.best
        if improved:
            run.best = bpc
            run.save_best(bpc)
        elif args.plateau_decay < 1:
            for group in opt.param_groups:
                group['lr'] *= args.plateau_decay
        print(f'valid bpc {bpc:.4f} at step {run.step} ({run.chars:,d} chars){" best" if improved else ""}'
              f', lr {run.lr():.2e}, {time.time() - t:.0f} s', flush=True)

    data = epoch_data(streams['train'], run)
    budget, sitting = args.minutes * 60, time.time()
    last_eval_train = run.train_seconds
    last_save_wall = time.time()
    loss_sum, loss_n, t_log = 0.0, 0, time.time()
    model.train()
    while True:
        if run.epoch_step >= steps_in(data, args.seq):
            run.epoch, run.epoch_step, run.state = run.epoch + 1, 0, None
            data = epoch_data(streams['train'], run)
        t = time.time()
        k = run.epoch_step * args.seq
        x = data[:, k:k + args.seq].to(run.device)
        y = data[:, k + 1:k + args.seq + 1].to(run.device)
        state = run.state if run.state is not None else model.zero_state(args.batch, run.device)
        logits, state = model(x, state)
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1))
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip)
        opt.step()
        run.state = tuple(s.detach() for s in state)
        run.epoch_step, run.step, run.chars = run.epoch_step + 1, run.step + 1, run.chars + x.numel()
        dt = time.time() - t
        run.train_seconds += dt
        run.wall_seconds += dt
        loss_sum, loss_n = loss_sum + loss.item(), loss_n + 1
        if run.step % args.log_steps == 0:
            rate = loss_n * x.numel() / (time.time() - t_log)
            row = dict(step=run.step, chars=run.chars, train_bpc=round(loss_sum / loss_n / LN2, 5),
                       lr=run.lr(), train_seconds=round(run.train_seconds, 1),
                       wall_seconds=round(run.wall_seconds, 1))
            run.curve.append(row)
            print(f'step {run.step} epoch {run.epoch} ({run.epoch_step}/{steps_in(data, args.seq)}) '
                  f'chars {run.chars:,d} train bpc {row["train_bpc"]:.4f} {rate:,.0f} chars/s', flush=True)
            loss_sum, loss_n, t_log = 0.0, 0, time.time()
        done = (time.time() - sitting > budget or stop['signal'] is not None
                or (args.max_steps and run.step >= args.max_steps))
        if run.train_seconds - last_eval_train >= args.eval_minutes * 60 and not done:
            t_eval = time.time()
            evaluate()
            run.wall_seconds += time.time() - t_eval
            last_eval_train = run.train_seconds
        if done or time.time() - last_save_wall >= args.save_minutes * 60:
            run.save()
            last_save_wall = time.time()
            print(f'saved {os.path.join(args.out, "last.pt")} at step {run.step}', flush=True)
        if done:
            break
    # a final evaluation, unless one ran within the last 5 training minutes (a near-duplicate
    # that fails to improve by noise would halve the learning rate for nothing)
    if stop['signal'] is None and not args.no_final_eval and run.train_seconds - last_eval_train > 300:
        t_eval = time.time()
        evaluate()
        run.wall_seconds += time.time() - t_eval
        run.save()
    print(f'stopped at step {run.step} ({run.chars:,d} chars, {run.train_seconds / 60:.1f} train min); '
          f'best valid bpc {run.best:.4f}', flush=True)


if __name__ == '__main__':
    main()
