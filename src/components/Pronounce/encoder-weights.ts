/**
 * The G2P encoder's weights for the core's replay, read out of encoder.onnx with lib/onnx: the BiLSTM node
 * that vocab.json names (converted to PyTorch's layout) and the letter embedding table.
 */
import { readInitializer, readRecurrentLayers, type RecurrentLayer } from '../../../lib/onnx/read-recurrent.ts';
import type { CellParams } from '../../../lib/index.ts';
import type { EncoderWeights } from './gate-replay.ts';
import type { G2PVocab } from '../../../lib/seq2seq/phoneme-vocab.ts';

function cellOf(layer: RecurrentLayer, suffix: '' | '_reverse'): CellParams {
  const weight = (name: string) => {
    const found = layer.weights[`${name}${suffix}`];
    if (!found) throw new Error(`The encoder's LSTM "${layer.name}" has no ${name}${suffix}.`);
    return found.data;
  };
  return {
    inputSize: layer.inputSize,
    hiddenSize: layer.hiddenSize,
    weightIh: weight('weight_ih_l0'),
    weightHh: weight('weight_hh_l0'),
    biasIh: layer.bias ? weight('bias_ih_l0') : null,
    biasHh: layer.bias ? weight('bias_hh_l0') : null,
  };
}

/** Reads the encoder's BiLSTM and embedding from encoder.onnx; throws an Error naming what does not fit the chapter. */
export function readEncoderWeights(encoderBytes: Uint8Array, vocab: G2PVocab): EncoderWeights {
  const layers = readRecurrentLayers(encoderBytes);
  const layer = layers.find((candidate) => candidate.name === vocab.encoder.lstm);
  if (!layer) throw new Error(`encoder.onnx has no LSTM node named "${vocab.encoder.lstm}" (it has ${layers.map((l) => `"${l.name}"`).join(', ') || 'none'}).`);
  if (layer.kind !== 'lstm' || layer.direction !== 'bidirectional') throw new Error(`"${layer.name}" is a ${layer.direction} ${layer.kind}, not a bidirectional LSTM.`);
  const embedding = readInitializer(encoderBytes, vocab.encoder.embedding);
  if (embedding.dims.length !== 2 || embedding.dims[1] !== layer.inputSize) {
    throw new Error(`The embedding "${vocab.encoder.embedding}" has shape [${embedding.dims.join(', ')}]; the LSTM reads ${layer.inputSize} features.`);
  }
  return {
    embedding: embedding.data,
    embeddingSize: layer.inputSize,
    hiddenSize: layer.hiddenSize,
    directions: [cellOf(layer, ''), cellOf(layer, '_reverse')],
  };
}
