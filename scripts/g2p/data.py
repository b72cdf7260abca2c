"""CMUdict data for the G2P model: parse, filter, split, and encode.

Source: node_modules/cmu-pronouncing-dictionary/index.js (CMUdict as a JS object of
"word": "PH ON ES" lines). Kept: words made only of a-z and apostrophe, the first
pronunciation of each word ("word(2)" variants skipped), stress digits stripped, which leaves
the 39 ARPAbet phonemes. The 16 entries whose pronunciation carries a "# comment" (e.g.
"aalborg": "AO1 L B AO0 R G # place, danish") are dropped: 124,904 words remain.

Split rule (fixed): a word is HELD OUT when zlib.crc32(word.encode()) % 10 == 0 (about 10%).
Of the rest, a word is VALIDATION when zlib.crc32(word.encode()) % 100 == 1 (about 1%, used
only to watch training); everything else is TRAIN.
"""
import os
import re
import zlib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
DICT_PATH = os.path.join(ROOT, 'node_modules', 'cmu-pronouncing-dictionary', 'index.js')

SPLIT_RULE = ('held out: zlib.crc32(word.encode()) % 10 == 0; '
              'validation (from the rest): zlib.crc32(word.encode()) % 100 == 1; train: the rest')

PAD, BOS, EOS = '<pad>', '<bos>', '<eos>'
LETTERS = [PAD, "'"] + [chr(c) for c in range(ord('a'), ord('z') + 1)]
ARPABET = ('AA AE AH AO AW AY B CH D DH EH ER EY F G HH IH IY JH K L M N NG OW OY P R S SH T TH '
           'UH UW V W Y Z ZH').split()
PHONEMES = [PAD, BOS, EOS] + ARPABET
LETTER_ID = {c: i for i, c in enumerate(LETTERS)}
PHONEME_ID = {p: i for i, p in enumerate(PHONEMES)}
BOS_ID, EOS_ID, PAD_ID = PHONEME_ID[BOS], PHONEME_ID[EOS], 0

_LINE = re.compile(r'^\s*"([^"]+)":\s*"([^"]*)",?\s*$')
_WORD = re.compile(r"^[a-z']+$")


def load_dictionary(path=DICT_PATH):
    """Every kept (word, [phonemes]) pair in file order."""
    entries = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = _LINE.match(line)
            if not m:
                continue
            word, pron = m.group(1), m.group(2)
            if '#' in pron:  # annotated foreign words and abbreviations: dropped
                continue
            if not _WORD.match(word):  # also drops "word(2)" variants and dotted forms
                continue
            phones = [re.sub(r'\d', '', p) for p in pron.split()]
            if not phones or any(p not in PHONEME_ID for p in phones):
                continue
            entries.append((word, phones))
    return entries


def split_of(word):
    """'test', 'valid' or 'train' by the fixed crc32 rule."""
    h = zlib.crc32(word.encode())
    if h % 10 == 0:
        return 'test'
    if h % 100 == 1:
        return 'valid'
    return 'train'


def load_splits():
    """{'train': [...], 'valid': [...], 'test': [...]} of (word, phonemes)."""
    out = {'train': [], 'valid': [], 'test': []}
    for word, phones in load_dictionary():
        out[split_of(word)].append((word, phones))
    return out


def encode_word(word):
    """Letter ids of a word (no padding)."""
    return [LETTER_ID[c] for c in word]


def encode_phonemes(phones):
    """Phoneme ids followed by EOS."""
    return [PHONEME_ID[p] for p in phones] + [EOS_ID]


if __name__ == '__main__':
    s = load_splits()
    print({k: len(v) for k, v in s.items()})
    print(s['test'][:5])
