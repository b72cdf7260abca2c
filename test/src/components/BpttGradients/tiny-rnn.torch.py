"""PyTorch reference for the tiny RNN of chapter 7 (tiny-rnn.test.ts reads tiny-rnn.torch.json).

The weights and inputs are the widget's (lib's seeded draws rounded to two decimals, for seeds 1 and 7),
copied here by hand. For each: the loss, every gradient from autograd, and the loss after one SGD step.
Run with Debian's python3-torch (PyTorch 1.13):  /usr/bin/python3 tiny-rnn.torch.py > tiny-rnn.torch.json
"""
import json
import torch
from torch import nn

torch.set_default_dtype(torch.float64)
CASES = [
    {"seed": 1, "inputs": [[0.05, 0.93], [0.89, 0.5], [0.72, -0.48]], "weight_ih_l0": [[-0.51, 0.51], [0.12, 0.46]],
     "weight_hh_l0": [[-0.6, -0.01], [-0.34, -0.2]], "bias_ih_l0": [0.48, -0.61], "bias_hh_l0": [-0.12, 0.27],
     "weight": [[-0.11, 0.41]], "bias": [0.27]},
    {"seed": 7, "inputs": [[0.69, -0.22], [0.07, 0.85], [-0.91, 0.29]], "weight_ih_l0": [[-0.51, 0.69], [-0.49, -0.46]],
     "weight_hh_l0": [[-0.1, 0.43], [0.17, -0.27]], "bias_ih_l0": [0.14, -0.16], "bias_hh_l0": [-0.22, 0.07],
     "weight": [[-0.43, -0.2]], "bias": [0.48]},
]
ALPHA = 0.5
TARGET = torch.tensor([[1.0]])

results = []
for case in CASES:
    rnn = nn.RNN(2, 2)
    head = nn.Linear(2, 1)
    with torch.no_grad():
        for name in ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"]:
            getattr(rnn, name).copy_(torch.tensor(case[name]))
        head.weight.copy_(torch.tensor(case["weight"]))
        head.bias.copy_(torch.tensor(case["bias"]))
    x = torch.tensor(case["inputs"])
    output, _ = rnn(x)
    output.retain_grad()
    prediction = head(output[-1:])
    loss = nn.functional.mse_loss(prediction, TARGET)
    loss.backward()
    params = list(rnn.parameters()) + list(head.parameters())
    grads = {name: p.grad.flatten().tolist() for name, p in list(rnn.named_parameters()) + list(head.named_parameters())}
    optimizer = torch.optim.SGD(params, lr=ALPHA)
    optimizer.step()
    with torch.no_grad():
        after = nn.functional.mse_loss(head(rnn(x)[0][-1:]), TARGET).item()
    results.append({"seed": case["seed"], "hidden": output.tolist(), "prediction": prediction.item(), "loss": loss.item(),
                    "gradOutputLast": output.grad[-1].tolist(), "grads": grads, "alpha": ALPHA, "lossAfter": after})
print(json.dumps({"generator": "tiny-rnn.torch.py", "torch": torch.__version__, "cases": results}, indent=1))
