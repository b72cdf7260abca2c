/**
 * The committed G2P model (public/models/g2p/) in onnxruntime-web's WASM backend in Node, through the same
 * createModelRunner the page uses, for the tests whose logic needs the real model.
 */
import { readFileSync } from 'node:fs';
import { createModelRunner } from '../../../../lib/onnx/runtime.ts';
import { g2pModelOf, type G2pModel } from '../../../../src/components/Pronounce/g2p-model.ts';

const folder = new URL('../../../../public/models/g2p/', import.meta.url);

/** The model as the page loads it, but from disk and on WASM. */
export async function loadCommittedModel(): Promise<G2pModel> {
  const read = (name: string) => new Uint8Array(readFileSync(new URL(name, folder)));
  const encoderBytes = read('encoder.onnx');
  const encoder = await createModelRunner(encoderBytes, { backend: 'wasm' });
  const decoder = await createModelRunner(read('decoder-step.onnx'), { backend: 'wasm' });
  return g2pModelOf(encoder.runner, decoder.runner, read('vocab.json'), encoderBytes, encoder.info);
}
