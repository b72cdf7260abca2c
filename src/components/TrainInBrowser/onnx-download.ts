/**
 * The trained model as an .onnx file, from the same state-dict JSON the page downloads: lib/onnx's export of
 * the recurrent layer and its Linear head (float32 weights, opset 14). Input "input" [T, B, input_size] (the
 * task's one-hot or scaled features, time-major), output "output" [T, B, output_size], the head applied at
 * every step; tasks that predict from the last step read the output's last row.
 */
import { createRecurrent } from '../../../lib/nn/recurrent.ts';
import { createLinear } from '../../../lib/nn/linear.ts';
import { importStateDict, type StateDictJson } from '../../../lib/train/state-dict-json.ts';
import { exportToOnnx } from '../../../lib/onnx/export.ts';

/** The file name of the ONNX download beside the JSON one ("names-lstm.json" → "names-lstm.onnx"). */
export function onnxFileName(jsonFileName: string): string {
  return jsonFileName.replace(/\.json$/, '') + '.onnx';
}

/** The bytes of an .onnx file holding the state dict's model; a state dict that does not load throws an Error saying why. */
export function stateDictToOnnx(json: StateDictJson): Uint8Array {
  const { kind, input_size: inputSize, hidden_size: hiddenSize, output_size: outputSize } = json.metadata;
  const recurrent = createRecurrent(kind, { inputSize, hiddenSize });
  const head = createLinear(hiddenSize, outputSize);
  const loaded = importStateDict(JSON.stringify(json), recurrent, head);
  if (!loaded.ok) throw new Error(loaded.message);
  return exportToOnnx({ recurrent, head }, { producer: `unrolled (${json.metadata.task})` });
}
