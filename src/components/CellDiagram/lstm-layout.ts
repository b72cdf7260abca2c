/**
 * The LSTM cell as a diagram (PyTorch's nn.LSTM): the cell state c runs along the top, f_t scales it, i_t ⊙ g_t is
 * added to it, and tanh(c_t), scaled by o_t, leaves as h_t at the bottom right. [h_{t−1}, x_t] feeds all four gates.
 */
import type { DiagramLayout, DiagramNode } from './diagram-shapes.ts';

const gate = (x: number, text: string): DiagramNode => ({ kind: 'gate', x, y: 205, text });
const op = (x: number, y: number, text: string): DiagramNode => ({ kind: 'op', x, y, text });
const sum = (symbol: string) => `W_{i${symbol}} x_t + b_{i${symbol}} + W_{h${symbol}} h_{t-1} + b_{h${symbol}}`;

/** The LSTM diagram, 560 × 330 units, its wires in the order of the equations. */
export const LSTM_LAYOUT: DiagramLayout = {
  width: 560,
  height: 330,
  junctions: [{ x: 70, y: 285 }, { x: 460, y: 50 }],
  wires: [
    { key: 'cPrev', node: null, paths: ['M 16 50 H 145'], tag: { x: 22, y: 30 }, label: { main: 'c', sub: 't−1' }, tex: 'c_{t-1}' },
    { key: 'hPrev', node: null, paths: [{ d: 'M 16 285 H 70', arrow: false }], tag: { x: 22, y: 265 }, label: { main: 'h', sub: 't−1' }, tex: 'h_{t-1}' },
    { key: 'x', node: null, paths: [{ d: 'M 70 330 V 285', arrow: false }], tag: { x: 78, y: 310 }, label: { main: 'x', sub: 't' }, tex: 'x_t' },
    {
      key: 'hx', node: null,
      paths: ['M 70 285 H 380 V 223', 'M 160 285 V 223', 'M 230 285 V 223', 'M 300 285 V 223'],
      tag: { x: 100, y: 297 }, label: null, tex: '[h_{t-1},\\, x_t]',
    },
    { key: 'f', node: gate(160, 'σ'), paths: ['M 160 189 V 65'], tag: { x: 168, y: 150 }, label: { main: 'f', sub: 't' }, tex: `f_t = \\sigma(${sum('f')})` },
    { key: 'i', node: gate(230, 'σ'), paths: ['M 230 189 V 130 H 285'], tag: { x: 238, y: 165 }, label: { main: 'i', sub: 't' }, tex: `i_t = \\sigma(${sum('i')})` },
    { key: 'g', node: gate(300, 'tanh'), paths: ['M 300 189 V 145'], tag: { x: 308, y: 170 }, label: { main: 'g', sub: 't' }, tex: `g_t = \\tanh(${sum('g')})` },
    { key: 'o', node: gate(380, 'σ'), paths: ['M 404 205 H 445'], tag: { x: 410, y: 180 }, label: { main: 'o', sub: 't' }, tex: `o_t = \\sigma(${sum('o')})` },
    { key: 'keep', node: op(160, 50, '×'), paths: ['M 173 50 H 285'], tag: { x: 190, y: 60 }, label: null, tex: 'f_t \\odot c_{t-1}' },
    { key: 'write', node: op(300, 130, '×'), paths: ['M 300 117 V 65'], tag: { x: 308, y: 92 }, label: null, tex: 'i_t \\odot g_t' },
    {
      key: 'c', node: op(300, 50, '+'), paths: ['M 313 50 H 544', 'M 460 50 V 105'],
      tag: { x: 500, y: 30 }, label: { main: 'c', sub: 't' }, tex: 'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t',
    },
    { key: 'tanhC', node: op(460, 120, 'tanh'), paths: ['M 460 133 V 190'], tag: { x: 468, y: 160 }, label: null, tex: '\\tanh(c_t)' },
    { key: 'h', node: op(460, 205, '×'), paths: ['M 460 218 V 285 H 544'], tag: { x: 500, y: 265 }, label: { main: 'h', sub: 't' }, tex: 'h_t = o_t \\odot \\tanh(c_t)' },
  ],
};
