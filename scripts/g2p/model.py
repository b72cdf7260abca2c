"""The G2P seq2seq model: BiLSTM encoder, Luong attention, LSTM decoder.

  letters --Embedding(28, 64)--> ONE bidirectional nn.LSTM (192 per direction)
          --> memory [B, S, 384] (forward half first)
  bridge:  h0 = tanh(W_h [h_fwd_last; h_bwd_last]),  c0 = W_c [c_fwd_last; c_bwd_last]   (-> 256)
  decoder: phoneme Embedding(42, 64) --> 1-layer LSTM (256), initial state (h0, c0)
  attention (Luong "general", no input feeding): score_s = memory_s . (W_a h_t),
           a = softmax(score), context = sum_s a_s memory_s
  output:  h~ = tanh(W_o [context; h_t]),  log_probs = log_softmax(W_p h~)

Without input feeding the decoder LSTM does not see the previous context, so training runs the
whole target sequence through nn.LSTM at once and attention in one batched matmul; the
one-step decoder used for export (DecoderStep) applies the same LSTM weights by hand.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from data import LETTERS, PHONEMES

CONFIG = dict(letters=len(LETTERS), phonemes=len(PHONEMES), letter_emb=64, enc_hidden=192,
              phoneme_emb=64, dec_hidden=256, dropout=0.1, embedding_dropout=0.0)


class G2P(nn.Module):
    """Encoder-attention-decoder over letter and phoneme ids."""

    def __init__(self, letters, phonemes, letter_emb, enc_hidden, phoneme_emb, dec_hidden,
                 dropout, embedding_dropout=0.0):
        super().__init__()
        self.letter_embedding = nn.Embedding(letters, letter_emb, padding_idx=0)
        self.encoder = nn.LSTM(letter_emb, enc_hidden, batch_first=True, bidirectional=True)
        self.bridge_h = nn.Linear(2 * enc_hidden, dec_hidden)
        self.bridge_c = nn.Linear(2 * enc_hidden, dec_hidden)
        self.phoneme_embedding = nn.Embedding(phonemes, phoneme_emb, padding_idx=0)
        self.decoder = nn.LSTM(phoneme_emb, dec_hidden, batch_first=True)
        self.attention = nn.Linear(dec_hidden, 2 * enc_hidden, bias=False)
        self.combine = nn.Linear(2 * enc_hidden + dec_hidden, dec_hidden)
        self.project = nn.Linear(dec_hidden, phonemes)
        self.drop = nn.Dropout(dropout)
        self.drop_embedding = nn.Dropout(embedding_dropout)  # training only, like all dropout

    def encode(self, letters, lengths=None):
        """letters [B,S] -> memory [B,S,2E], h0 [B,H], c0 [B,H]. lengths=None means no padding."""
        x = self.drop_embedding(self.letter_embedding(letters))
        if lengths is None:
            memory, (h, c) = self.encoder(x)
        else:
            packed = pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
            out, (h, c) = self.encoder(packed)
            memory, _ = pad_packed_sequence(out, batch_first=True, total_length=letters.shape[1])
        h_cat = torch.cat([h[0], h[1]], dim=-1)
        c_cat = torch.cat([c[0], c[1]], dim=-1)
        return memory, torch.tanh(self.bridge_h(h_cat)), self.bridge_c(c_cat)

    def attend(self, states, memory, letter_mask=None):
        """states [B,T,H], memory [B,S,2E] -> log_probs [B,T,V], attention [B,T,S]."""
        query = self.attention(states)                          # [B,T,2E]
        scores = torch.bmm(query, memory.transpose(1, 2))       # [B,T,S]
        if letter_mask is not None:
            scores = scores.masked_fill(~letter_mask[:, None, :], float('-inf'))
        weights = torch.softmax(scores, dim=-1)
        context = torch.bmm(weights, memory)                    # [B,T,2E]
        mixed = torch.tanh(self.combine(torch.cat([context, states], dim=-1)))
        return torch.log_softmax(self.project(self.drop(mixed)), dim=-1), weights

    def forward(self, letters, lengths, prev_tokens):
        """Teacher-forced log_probs [B,T,V] for inputs prev_tokens [B,T] (BOS + target[:-1])."""
        uniform = bool((lengths == letters.shape[1]).all())  # common: batches are length-bucketed
        memory, h0, c0 = self.encode(letters, None if uniform else lengths)
        memory = self.drop(memory)
        states, _ = self.decoder(self.drop_embedding(self.phoneme_embedding(prev_tokens)),
                                 (h0[None], c0[None]))
        mask = torch.arange(letters.shape[1], device=letters.device)[None, :] < lengths[:, None]
        log_probs, _ = self.attend(states, memory, None if uniform else mask)
        return log_probs

    def step(self, token, h, c, memory, letter_mask=None):
        """One decoder step: token [B], h/c [B,H], memory [B,S,2E] -> log_probs, attention, h, c."""
        x = self.phoneme_embedding(token)
        gates = (F.linear(x, self.decoder.weight_ih_l0, self.decoder.bias_ih_l0)
                 + F.linear(h, self.decoder.weight_hh_l0, self.decoder.bias_hh_l0))
        i, f, g, o = gates.chunk(4, dim=-1)
        c_out = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h_out = torch.sigmoid(o) * torch.tanh(c_out)
        log_probs, weights = self.attend(h_out[:, None, :], memory, letter_mask)
        return log_probs[:, 0], weights[:, 0], h_out, c_out


def build_model(config=CONFIG):
    """A fresh model from a config dict."""
    return G2P(**config)


def count_params(model):
    """Trainable parameter count."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


if __name__ == '__main__':
    m = build_model()
    print(count_params(m))
