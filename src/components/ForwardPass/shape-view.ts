/** The shapes widget's state from the page values: the configuration, lib's shapes, the PyTorch block. */
import type { VariableValues } from '../../kit/variables.ts';
import { shapesCode } from './pytorch-code.ts';
import { shapeReport, type ShapeConfig, type ShapeReport } from './shapes.ts';

/** The configuration, its shapes (or why there are none) and the code. */
export type ShapeWidgetView =
  | { readonly ok: true; readonly config: ShapeConfig; readonly report: ShapeReport; readonly code: string }
  | { readonly ok: false; readonly config: ShapeConfig; readonly message: string };

function wholeNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : fallback;
}

/** The nn.RNN configuration the page values describe (defaults: the worked example, input [2, 5, 10], hidden 20). */
export function shapeConfig(values: VariableValues): ShapeConfig {
  return {
    batch: wholeNumber(values.B, 2),
    steps: wholeNumber(values.T, 5),
    inputSize: wholeNumber(values.D, 10),
    hiddenSize: wholeNumber(values.H, 20),
    numLayers: wholeNumber(values.L, 1),
    batchFirst: values.bf !== false,
    bidirectional: values.bi === true,
  };
}

/** Run the configuration through lib and describe the result. */
export function shapeWidgetView(values: VariableValues): ShapeWidgetView {
  const config = shapeConfig(values);
  try {
    return { ok: true, config, report: shapeReport(config), code: shapesCode(config) };
  } catch (error) {
    return { ok: false, config, message: `lib could not run this configuration: ${error instanceof Error ? error.message : String(error)}` };
  }
}
