"""Write ONNX reference models into test/fixtures/onnx/: <name>.onnx plus <name>.json.

Run with Debian's python3-torch (PyTorch 1.13) and python3-onnx, from the repository root:
    /usr/bin/python3 scripts/make_onnx_fixtures.py
Deterministic: every case seeds torch from its index. Nothing else reads the network or the clock.

Each case is an nn.RNN / nn.LSTM / nn.GRU followed by an nn.Linear head applied to every step,
exported by torch.onnx.export (opset 14) with the input named "input" and the output "output",
and (all but one) with the time and batch axes dynamic, so the file carries the Shape/Gather/Concat/
ConstantOfShape nodes torch emits for the initial state. The sidecar JSON is
    {"inputs": {"input": nested list}, "outputs": {"output": nested list}, "about": {...}}
where the outputs are PyTorch's own (float32) on that input, plus "state_dict" (the module's own keys,
e.g. rnn.weight_ih_l0, fc.weight) so tests can check the weights lib/onnx reads. test/onnx-parity.test.ts
runs every .onnx with a sidecar through onnxruntime-web and through lib/onnx's import and compares both.

A second folder, test/fixtures/onnx-graphs/, holds graphs that are not a plain recurrent stack, for
readRecurrentLayers and readInitializer: embedding_bilstm.onnx is a letter embedding (nn.Embedding, a Gather
in ONNX) feeding a bidirectional LSTM whose outputs are the graph's output, like the G2P encoder; its sidecar
holds {"inputs", "outputs", "state_dict", "lstm_node", "embedding_initializer"}.
"""
import json
import os

import onnx
import torch
from torch import nn

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "onnx")
GRAPHS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "onnx-graphs")

# name, module, options. Sizes stay small (hidden size <= 12) so the files are a few KB.
CASES = [
    ("rnn_tanh", "RNN", dict(nonlinearity="tanh")),
    ("rnn_relu", "RNN", dict(nonlinearity="relu")),
    ("lstm", "LSTM", dict()),
    ("gru", "GRU", dict()),
    ("lstm_2layer", "LSTM", dict(num_layers=2)),
    ("gru_2layer", "GRU", dict(num_layers=2)),
    ("rnn_bidirectional", "RNN", dict(bidirectional=True)),
    ("lstm_bidirectional_2layer", "LSTM", dict(bidirectional=True, num_layers=2)),
    ("gru_bidirectional", "GRU", dict(bidirectional=True)),
    ("lstm_batch_first", "LSTM", dict(batch_first=True)),
    ("rnn_relu_3layer_batch_first", "RNN", dict(nonlinearity="relu", num_layers=3, batch_first=True)),
    ("gru_bidirectional_3layer_batch_first", "GRU", dict(bidirectional=True, num_layers=3, batch_first=True)),
    ("gru_no_bias", "GRU", dict(bias=False)),
    ("lstm_bidirectional_static_shapes", "LSTM", dict(bidirectional=True)),
]

# Exported without dynamic axes: torch then builds the zero initial state with Expand of a constant.
STATIC_SHAPES = {"lstm_bidirectional_static_shapes"}

INPUT_SIZE, HIDDEN_SIZE, OUTPUT_SIZE, STEPS, BATCH = 5, 7, 4, 6, 3


class SequenceModel(nn.Module):
    """A recurrent stack with a Linear head on every step's output."""

    def __init__(self, module, options):
        super().__init__()
        self.rnn = getattr(nn, module)(INPUT_SIZE, HIDDEN_SIZE, **options)
        directions = 2 if options.get("bidirectional") else 1
        self.fc = nn.Linear(HIDDEN_SIZE * directions, OUTPUT_SIZE)

    def forward(self, x):
        y, _ = self.rnn(x)
        return self.fc(y)


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    for index, (name, module, options) in enumerate(CASES):
        torch.manual_seed(1000 + index)
        model = SequenceModel(module, options).eval()
        batch_first = options.get("batch_first", False)
        shape = (BATCH, STEPS, INPUT_SIZE) if batch_first else (STEPS, BATCH, INPUT_SIZE)
        x = torch.randn(*shape)
        with torch.no_grad():
            y = model(x)
        axes = {0: "batch", 1: "time"} if batch_first else {0: "time", 1: "batch"}
        path = os.path.join(OUT_DIR, name + ".onnx")
        torch.onnx.export(
            model, (x,), path, opset_version=14, input_names=["input"], output_names=["output"],
            dynamic_axes=None if name in STATIC_SHAPES else {"input": axes, "output": axes},
        )
        onnx.checker.check_model(onnx.load(path))
        about = dict(module=module, input_size=INPUT_SIZE, hidden_size=HIDDEN_SIZE, output_size=OUTPUT_SIZE,
                     num_layers=options.get("num_layers", 1), bidirectional=options.get("bidirectional", False),
                     bias=options.get("bias", True), dynamic_axes=name not in STATIC_SHAPES,
                     batch_first=batch_first, nonlinearity=options.get("nonlinearity"),
                     torch=torch.__version__, onnx=onnx.__version__, opset=14)
        with open(os.path.join(OUT_DIR, name + ".json"), "w") as f:
            json.dump({"inputs": {"input": x.tolist()}, "outputs": {"output": y.tolist()}, "about": about,
                       "state_dict": state_dict_lists(model)}, f)
        print(name, tuple(y.shape))
    write_embedding_bilstm()


def state_dict_lists(model):
    return {key: value.tolist() for key, value in model.state_dict().items()}


class EmbeddingBiLstm(nn.Module):
    """Letters -> embedding -> bidirectional LSTM, returning every step's output (the G2P encoder's shape)."""

    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(9, 6)
        self.lstm = nn.LSTM(6, 5, bidirectional=True, batch_first=True)

    def forward(self, letters):
        memory, _ = self.lstm(self.embedding(letters))
        return memory


def write_embedding_bilstm():
    os.makedirs(GRAPHS_DIR, exist_ok=True)
    torch.manual_seed(2000)
    model = EmbeddingBiLstm().eval()
    letters = torch.tensor([[3, 1, 4, 1, 5, 8, 2]], dtype=torch.int64)
    with torch.no_grad():
        memory = model(letters)
    path = os.path.join(GRAPHS_DIR, "embedding_bilstm.onnx")
    torch.onnx.export(model, (letters,), path, opset_version=14, input_names=["letters"], output_names=["memory"],
                      dynamic_axes={"letters": {1: "letters"}, "memory": {1: "letters"}})
    graph = onnx.load(path).graph
    lstm_node = [n.name for n in graph.node if n.op_type == "LSTM"]
    embedding = [n.input[0] for n in graph.node if n.op_type == "Gather" and n.input[0] in {i.name for i in graph.initializer}]
    assert len(lstm_node) == 1 and len(embedding) == 1, (lstm_node, embedding)
    with open(os.path.join(GRAPHS_DIR, "embedding_bilstm.json"), "w") as f:
        json.dump({"inputs": {"letters": letters.tolist()}, "outputs": {"memory": memory.tolist()},
                   "state_dict": state_dict_lists(model), "lstm_node": lstm_node[0], "embedding_initializer": embedding[0]}, f)
    print("embedding_bilstm", tuple(memory.shape), lstm_node[0], embedding[0])


if __name__ == "__main__":
    main()
