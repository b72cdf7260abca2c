/**
 * The one error lib/onnx throws for a file it cannot read or a model it cannot represent. Its message names
 * the problem in words a reader can act on: a truncated file, an unsupported op "X" in node "Y", a missing
 * initializer, a shape mismatch.
 */

/** What kind of problem an OnnxFormatError reports, for code that reacts differently to each. */
export type OnnxProblem =
  /** The bytes are not a well-formed ONNX protobuf (cut short, random, or corrupted). */
  | 'corrupt'
  /** The graph uses an operator, attribute or pattern the reader does not handle. */
  | 'unsupported'
  /** A node names an initializer or value that the graph does not hold. */
  | 'missing'
  /** A tensor has the wrong shape, element type or element count. */
  | 'shape';

/** A file that is not ONNX, or an ONNX model outside what lib/onnx reads and writes; the message says which. */
export class OnnxFormatError extends Error {
  /** The kind of problem. */
  readonly problem: OnnxProblem;

  constructor(problem: OnnxProblem, message: string) {
    super(message);
    this.name = 'OnnxFormatError';
    this.problem = problem;
  }
}
