/**
 * The "remember by default" bias of a gated cell: the LSTM's forget gate f (block 2 of i,f,g,o) or the GRU's
 * update gate z (block 2 of r,z,n; in PyTorch's convention z_t multiplies h_{t−1}, so z near 1 keeps the old state).
 * PyTorch keeps two bias vectors and adds them; we set that block of bias_ih to the value and of bias_hh to 0,
 * so the gate's total bias is exactly the value. Gers, Schmidhuber & Cummins (2000) added the forget gate;
 * Jozefowicz, Zaremba & Sutskever (2015) recommend starting its bias at 1.
 */
import { setForgetGateBias } from '../../../lib/nn/init.ts';
import type { Recurrent } from '../../../lib/nn/recurrent.ts';

/** Set the remembering gate's total bias (LSTM b_f, GRU b_z) in every cell of the stack; an RNN has none and is left alone. */
export function setRememberBias(model: Recurrent, value: number): void {
  const { kind, hiddenSize: H } = model.config;
  if (kind === 'RNN') return;
  for (const layer of model.cells) {
    for (const cell of layer) {
      if (!cell.biasIh || !cell.biasHh) continue;
      if (kind === 'LSTM') {
        setForgetGateBias(cell.biasIh.value, H, value);
        setForgetGateBias(cell.biasHh.value, H, 0);
      } else {
        cell.biasIh.value.fill(value, H, 2 * H);
        cell.biasHh.value.fill(0, H, 2 * H);
      }
    }
  }
}

/** Which gate the remember bias sets, by cell kind, for labels: "f" (LSTM), "z" (GRU), or null (RNN). */
export function rememberGateName(kind: Recurrent['config']['kind']): 'f' | 'z' | null {
  return kind === 'LSTM' ? 'f' : kind === 'GRU' ? 'z' : null;
}
