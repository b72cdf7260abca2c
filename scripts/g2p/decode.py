"""Greedy and beam-search decoding with the PyTorch model (the reference the TypeScript matches).

Both run the one-step decoder (G2P.step), exactly as the exported decoder-step.onnx does.

Beam search (same algorithm as lib/seq2seq/beam-search.ts):
  live = [(BOS, score 0)]; at each step every live beam expands over ALL phonemes with
  score + log_prob (summed in float64). All expansions are ranked by score, highest first, ties
  broken by lower live-beam index, then lower phoneme id. The top `width` expansions are kept;
  those ending in EOS are finished candidates (EOS not part of the phonemes), the others are the
  next live beams (so the live set shrinks as candidates finish). Stops when nothing is live or
  after max_len steps; beams still live then are returned as unfinished candidates.
  Result: every candidate sorted by score (ties: finished first, then the order they were made).
"""
import torch

from data import BOS_ID, EOS_ID, PHONEMES, encode_word


def max_steps(num_letters):
    """Length limit (steps, EOS included): 2 * letters + 8."""
    return 2 * num_letters + 8


@torch.no_grad()
def greedy_batch(model, words):
    """Greedy phoneme lists for many words at once (padded encoder, attention masked)."""
    ids = [encode_word(w) for w in words]
    lengths = torch.tensor([len(x) for x in ids])
    letters = torch.zeros(len(ids), int(lengths.max()), dtype=torch.long)
    for i, x in enumerate(ids):
        letters[i, :len(x)] = torch.tensor(x)
    memory, h, c = model.encode(letters, lengths)
    mask = torch.arange(letters.shape[1])[None, :] < lengths[:, None]
    token = torch.full((len(ids),), BOS_ID, dtype=torch.long)
    done = torch.zeros(len(ids), dtype=torch.bool)
    chosen = []
    for _ in range(max_steps(int(lengths.max()))):
        log_probs, _, h, c = model.step(token, h, c, memory, mask)
        token = log_probs.argmax(-1)
        chosen.append(token)
        done |= token == EOS_ID
        if bool(done.all()):
            break
    out = []
    for b, row in enumerate(torch.stack(chosen, dim=1).tolist()):
        row = row[:max_steps(len(ids[b]))]  # each word's own length limit, as in greedy()
        out.append([PHONEMES[t] for t in (row[:row.index(EOS_ID)] if EOS_ID in row else row)])
    return out


@torch.no_grad()
def greedy(model, word):
    """Greedy decoding of one word: (phonemes, attention rows [T][S], memory [S][2E])."""
    letters = torch.tensor([encode_word(word)])
    memory, h, c = model.encode(letters)
    token = torch.tensor([BOS_ID])
    phones, rows = [], []
    for _ in range(max_steps(len(word))):
        log_probs, att, h, c = model.step(token, h, c, memory)
        token = log_probs.argmax(-1)
        rows.append(att[0].tolist())
        if token.item() == EOS_ID:
            break
        phones.append(PHONEMES[token.item()])
    return phones, rows, memory[0]


@torch.no_grad()
def beam_search(model, word, width):
    """Every candidate as dict(phonemes, score, finished, attention) sorted best first."""
    letters = torch.tensor([encode_word(word)])
    memory, h0, c0 = model.encode(letters)
    live = [dict(tokens=[], score=0.0, h=h0[0], c=c0[0], attention=[])]
    finished = []
    for _ in range(max_steps(len(word))):
        token = torch.tensor([b['tokens'][-1] if b['tokens'] else BOS_ID for b in live])
        h = torch.stack([b['h'] for b in live])
        c = torch.stack([b['c'] for b in live])
        mem = memory.expand(len(live), -1, -1)
        log_probs, att, h_out, c_out = model.step(token, h, c, mem)
        lp = log_probs.double().tolist()
        expansions = [(live[b]['score'] + lp[b][t], b, t)
                      for b in range(len(live)) for t in range(len(PHONEMES))]
        expansions.sort(key=lambda e: (-e[0], e[1], e[2]))
        next_live = []
        for score, b, t in expansions[:width]:
            beam = dict(tokens=live[b]['tokens'] + [t], score=score, h=h_out[b], c=c_out[b],
                        attention=live[b]['attention'] + [att[b].tolist()])
            (finished if t == EOS_ID else next_live).append(beam)
        live = next_live
        if not live:
            break
        # Early stop: every step adds a log-probability <= 0, so no live beam can overtake a
        # finished candidate that already scores at least as high as all of them.
        if finished and max(b['score'] for b in finished) >= max(b['score'] for b in live):
            break
    result = [dict(phonemes=[PHONEMES[t] for t in b['tokens'][:-1]], score=b['score'],
                   finished=True, attention=b['attention']) for b in finished]
    result += [dict(phonemes=[PHONEMES[t] for t in b['tokens']], score=b['score'],
                    finished=False, attention=b['attention']) for b in live]
    order = sorted(range(len(result)), key=lambda k: (-result[k]['score'], k))
    return [result[k] for k in order]
