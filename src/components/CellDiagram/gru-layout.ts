/**
 * The GRU cell as a diagram: h runs along the top, z_t scales the old state and 1 − z_t the candidate n_t.
 * The candidate's chain at the bottom right is where the two conventions differ: PyTorch multiplies by r_t after
 * W_hn (node order W_hn, then ×), Cho et al. (2014) before it (×, then W_hn). The layout swaps the two nodes.
 */
import type { GruResetPlacement } from '../../../lib/nn/gru-reset.ts';
import { halfWidth, type DiagramLayout, type DiagramNode } from './diagram-shapes.ts';

const gate = (x: number, y: number, text: string): DiagramNode => ({ kind: 'gate', x, y, text });
const op = (x: number, y: number, text: string): DiagramNode => ({ kind: 'op', x, y, text });
const linear: Omit<DiagramNode, 'x' | 'y'> = { kind: 'linear', text: 'W', sub: 'hn' };
const sum = (symbol: string) => `W_{i${symbol}} x_t + b_{i${symbol}} + W_{h${symbol}} h_{t-1} + b_{h${symbol}}`;

/** The chain's y, and the x of its first and second node. */
const CHAIN = { y: 240, first: 300, second: 385 } as const;

/** The state's share of the candidate, in each form. */
export const HIDDEN_SHARE_TEX: Readonly<Record<GruResetPlacement, string>> = {
  after: 'r_t \\odot (W_{hn} h_{t-1} + b_{hn})',
  before: 'W_{hn} (r_t \\odot h_{t-1}) + b_{hn}',
};

/** The GRU diagram, 560 × 370 units, with the reset gate after (PyTorch) or before (Cho) W_hn. */
export function gruLayout(reset: GruResetPlacement): DiagramLayout {
  const product = reset === 'after' ? CHAIN.second : CHAIN.first; // the × that r_t feeds
  const first: DiagramNode = reset === 'after' ? { ...linear, x: CHAIN.first, y: CHAIN.y } : op(CHAIN.first, CHAIN.y, '×');
  const second: DiagramNode = reset === 'after' ? op(CHAIN.second, CHAIN.y, '×') : { ...linear, x: CHAIN.second, y: CHAIN.y };
  const left = (node: DiagramNode) => node.x - halfWidth(node) - 2;
  const right = (node: DiagramNode) => node.x + halfWidth(node);
  const candidate = `\\tanh\\big(W_{in} x_t + b_{in} + ${HIDDEN_SHARE_TEX[reset]}\\big)`;
  return {
    width: 560,
    height: 370,
    junctions: [{ x: 40, y: 45 }, { x: 90, y: 290 }, { x: 250, y: 45 }, { x: 90, y: 320 }, { x: 330, y: 95 }],
    wires: [
      {
        key: 'hPrev', node: null, paths: ['M 16 45 H 315', { d: 'M 40 45 V 290 H 90', arrow: false }, `M 250 45 V ${CHAIN.y} H ${left(first)}`],
        tag: { x: 60, y: 25 }, label: { main: 'h', sub: 't−1' }, tex: 'h_{t-1}',
      },
      { key: 'x', node: null, paths: [{ d: 'M 90 370 V 290', arrow: false }, 'M 90 320 H 530 V 307'], tag: { x: 98, y: 352 }, label: { main: 'x', sub: 't' }, tex: 'x_t' },
      { key: 'hx', node: null, paths: ['M 90 290 H 200 V 233', 'M 140 290 V 233'], tag: { x: 150, y: 302 }, label: null, tex: '[h_{t-1},\\, x_t]' },
      {
        key: 'r', node: gate(200, 215, 'σ'), paths: [`M 200 199 V 180 H ${product} V 225`],
        tag: { x: 262, y: 172 }, label: { main: 'r', sub: 't' }, tex: `r_t = \\sigma(${sum('r')})`,
      },
      {
        key: 'z', node: gate(140, 215, 'σ'), paths: ['M 140 199 V 95 H 365', 'M 330 95 V 60'],
        tag: { x: 148, y: 150 }, label: { main: 'z', sub: 't' }, tex: `z_t = \\sigma(${sum('z')})`,
      },
      { key: 'xn', node: { ...linear, x: 530, y: 290, sub: 'in' }, paths: ['M 530 274 V 240 H 485'], tag: { x: 494, y: 268 }, label: null, tex: 'W_{in} x_t + b_{in}' },
      {
        key: 'mid', node: first, paths: [`M ${right(first)} ${CHAIN.y} H ${left(second)}`],
        tag: { x: 318, y: 262 }, label: null, tex: reset === 'after' ? 'W_{hn} h_{t-1} + b_{hn}' : 'r_t \\odot h_{t-1}',
      },
      { key: 'hn', node: second, paths: [`M ${right(second)} ${CHAIN.y} H 455`], tag: { x: 418, y: 262 }, label: null, tex: HIDDEN_SHARE_TEX[reset] },
      { key: 'preN', node: op(470, 240, '+'), paths: ['M 470 227 V 208'], tag: { x: 478, y: 222 }, label: null, tex: `W_{in} x_t + b_{in} + ${HIDDEN_SHARE_TEX[reset]}` },
      { key: 'n', node: gate(470, 190, 'tanh'), paths: ['M 470 174 V 110'], tag: { x: 478, y: 140 }, label: { main: 'n', sub: 't' }, tex: `n_t = ${candidate}` },
      { key: 'oneMinusZ', node: op(380, 95, '1−'), paths: ['M 393 95 H 455'], tag: { x: 400, y: 85 }, label: null, tex: '1 - z_t' },
      { key: 'keep', node: op(330, 45, '×'), paths: ['M 343 45 H 455'], tag: { x: 360, y: 35 }, label: null, tex: 'z_t \\odot h_{t-1}' },
      { key: 'write', node: op(470, 95, '×'), paths: ['M 470 82 V 60'], tag: { x: 478, y: 75 }, label: null, tex: '(1 - z_t) \\odot n_t' },
      {
        key: 'h', node: op(470, 45, '+'), paths: ['M 483 45 H 544'],
        tag: { x: 500, y: 25 }, label: { main: 'h', sub: 't' }, tex: 'h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}',
      },
    ],
  };
}
