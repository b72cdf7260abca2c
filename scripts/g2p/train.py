"""Train the G2P model on CMUdict (train split), with a wall-clock budget.

  /usr/bin/python3 scripts/g2p/train.py --minutes 60 --out /tmp/g2p-run

Teacher forcing, Adam, gradient-norm clipping, batches bucketed by word length. Seeded: the
model init from torch.manual_seed(seed); each epoch's data order from a torch.Generator seeded
with seed + epoch (shuffle words, stable-sort by letter count, cut into batches, shuffle the
batches). Learning rate lr * decay^epoch. Checkpoints: <out>/last.pt after every epoch and at
the budget stop, <out>/best.pt at the best validation PER. Logs one line per epoch.
"""
import argparse
import json
import math
import os
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
from data import PAD_ID, BOS_ID, encode_phonemes, encode_word, load_splits  # noqa: E402
from decode import greedy_batch  # noqa: E402
from metrics import error_rates  # noqa: E402
from model import CONFIG, build_model, count_params  # noqa: E402


def make_batches(pairs, batch_size, generator):
    """Length-bucketed batches of indices in a seeded order."""
    order = torch.randperm(len(pairs), generator=generator).tolist()
    order.sort(key=lambda i: len(pairs[i][0]))  # stable: random order within a length
    batches = [order[k:k + batch_size] for k in range(0, len(order), batch_size)]
    perm = torch.randperm(len(batches), generator=generator).tolist()
    return [batches[k] for k in perm]


def collate(pairs, idx):
    """letters [B,S], lengths [B], decoder inputs [B,T], targets [B,T] (PAD-filled)."""
    words = [encode_word(pairs[i][0]) for i in idx]
    targets = [encode_phonemes(pairs[i][1]) for i in idx]
    S, T = max(map(len, words)), max(map(len, targets))
    letters = torch.zeros(len(idx), S, dtype=torch.long)
    inputs = torch.zeros(len(idx), T, dtype=torch.long)
    out = torch.full((len(idx), T), PAD_ID, dtype=torch.long)
    for b, (w, t) in enumerate(zip(words, targets)):
        letters[b, :len(w)] = torch.tensor(w)
        out[b, :len(t)] = torch.tensor(t)
        inputs[b, :len(t)] = torch.tensor([BOS_ID] + t[:-1])
    return letters, torch.tensor([len(w) for w in words]), inputs, out


def validate(model, pairs):
    """(PER, WER) by greedy decoding."""
    model.eval()
    preds = []
    for k in range(0, len(pairs), 512):
        preds += greedy_batch(model, [w for w, _ in pairs[k:k + 512]])
    model.train()
    return error_rates(preds, [p for _, p in pairs])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--minutes', type=float, default=60)
    ap.add_argument('--out', default='/tmp/g2p-run')
    ap.add_argument('--epochs', type=int, default=100)
    ap.add_argument('--batch', type=int, default=256)
    ap.add_argument('--lr', type=float, default=3e-3)
    ap.add_argument('--decay', type=float, default=0.85)
    ap.add_argument('--clip', type=float, default=5.0)
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--dropout', type=float, default=CONFIG['dropout'])
    ap.add_argument('--embedding-dropout', type=float, default=CONFIG['embedding_dropout'])
    ap.add_argument('--resume', default=None)
    ap.add_argument('--max-batches', type=int, default=0, help='debug: stop each epoch early')
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    os.makedirs(args.out, exist_ok=True)
    splits = load_splits()
    train, valid = splits['train'], splits['valid']
    config = dict(CONFIG, dropout=args.dropout, embedding_dropout=args.embedding_dropout)
    model = build_model(config)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    start_epoch, train_seconds, best_per, history = 0, 0.0, math.inf, []
    if args.resume:
        ck = torch.load(args.resume)
        model.load_state_dict(ck['model'])
        opt.load_state_dict(ck['optimizer'])
        start_epoch, train_seconds = ck['epoch'], ck['train_seconds']
        best_per, history = ck.get('best_per', math.inf), ck.get('history', [])
    print(f'params {count_params(model)} train {len(train)} valid {len(valid)} '
          f'threads {torch.get_num_threads()} args {vars(args)}', flush=True)

    def save(name, epoch):
        torch.save(dict(model=model.state_dict(), optimizer=opt.state_dict(), config=config,
                        epoch=epoch, train_seconds=train_seconds, best_per=best_per,
                        history=history, args=vars(args)), os.path.join(args.out, name))

    budget = args.minutes * 60
    t0 = time.time()
    stop = False
    for epoch in range(start_epoch, args.epochs):
        for group in opt.param_groups:
            group['lr'] = args.lr * args.decay ** epoch
        gen = torch.Generator().manual_seed(args.seed + epoch)
        batches = make_batches(train, args.batch, gen)
        if args.max_batches:
            batches = batches[:args.max_batches]
        total, tokens, te = 0.0, 0, time.time()
        for n, idx in enumerate(batches):
            letters, lengths, inputs, targets = collate(train, idx)
            log_probs = model(letters, lengths, inputs)
            loss = F.nll_loss(log_probs.reshape(-1, log_probs.shape[-1]), targets.reshape(-1),
                              ignore_index=PAD_ID, reduction='sum')
            count = int((targets != PAD_ID).sum())
            opt.zero_grad()
            (loss / count).backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip)
            opt.step()
            total, tokens = total + loss.item(), tokens + count
            if n % 100 == 0:
                print(f'  epoch {epoch + 1} batch {n}/{len(batches)} loss {total / tokens:.4f} '
                      f'{time.time() - te:.0f}s', flush=True)
            if time.time() - t0 > budget:
                stop = True
                break
        train_seconds += time.time() - te
        per, wer = validate(model, valid)
        done_epoch = epoch + (1 if not stop else (n + 1) / len(batches))
        history.append(dict(epoch=round(done_epoch, 3), loss=total / tokens, valid_per=per,
                            valid_wer=wer, seconds=round(train_seconds, 1)))
        print(f'epoch {done_epoch:.2f} loss {total / tokens:.4f} valid PER {per:.4f} WER {wer:.4f} '
              f'lr {opt.param_groups[0]["lr"]:.2e} train_s {train_seconds:.0f}', flush=True)
        if per < best_per:
            best_per = per
            save('best.pt', done_epoch)
        save('last.pt', done_epoch)
        if stop:
            break
    print('done', json.dumps(history[-1]), flush=True)


if __name__ == '__main__':
    main()
