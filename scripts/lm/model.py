"""The character-level LSTM language model (PyTorch conventions: gates i, f, g, o; two biases).

tokens [B, S] int64 -> Embedding(V, E) -> nn.LSTM(E, H, L layers, dropout between layers)
-> dropout -> Linear(H, V) -> logits [B, S, V], with the state (h, c), each [L, B, H], in and out.
Default 2 x 512 with E = 64 and V = 87: 3,335,191 parameters.
"""
import torch
import torch.nn as nn

CONFIG = dict(vocab=87, embedding=64, hidden=512, layers=2, dropout=0.2)


class CharLSTM(nn.Module):
    """Embedding, a stacked LSTM and a linear read-out to next-character logits."""

    def __init__(self, vocab, embedding, hidden, layers, dropout):
        super().__init__()
        self.embedding = nn.Embedding(vocab, embedding)
        self.lstm = nn.LSTM(embedding, hidden, num_layers=layers, batch_first=True,
                            dropout=dropout if layers > 1 else 0.0)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, vocab)

    def forward(self, tokens, state=None):
        """tokens [B,S] (and optional (h, c)) -> logits [B,S,V], (h, c)."""
        out, state = self.lstm(self.embedding(tokens), state)
        return self.head(self.drop(out)), state

    def zero_state(self, batch, device='cpu'):
        """(h, c) of zeros, each [layers, batch, hidden]."""
        shape = (self.lstm.num_layers, batch, self.lstm.hidden_size)
        return torch.zeros(shape, device=device), torch.zeros(shape, device=device)


def build_model(config):
    """A CharLSTM from a config dict (see CONFIG)."""
    return CharLSTM(**{k: config[k] for k in CONFIG})


def count_params(model):
    """Number of trainable parameters."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
