"""Levenshtein distance, phoneme error rate and word error rate (as lib/seq2seq/error-rate.ts)."""


def levenshtein(a, b):
    """Edit distance (insert, delete, substitute, each cost 1) between two sequences."""
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def error_rates(predictions, references):
    """(PER, WER): PER = summed edit distance / summed reference length; WER = share of words wrong."""
    edits = sum(levenshtein(p, r) for p, r in zip(predictions, references))
    length = sum(len(r) for r in references)
    wrong = sum(1 for p, r in zip(predictions, references) if list(p) != list(r))
    return edits / length, wrong / len(references)
