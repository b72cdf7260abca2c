/** The public surface of the numeric core: re-exports only, one line per module. */
export * from './tensor.ts';
export * from './random.ts';
export * from './count.ts';
export * from './kernels.ts';
export * from './nn/parameter.ts';
export * from './nn/activation.ts';
export * from './nn/cell.ts';
export * from './nn/rnn.ts';
export * from './nn/lstm.ts';
export * from './nn/gru.ts';
export * from './nn/recurrent.ts';
export * from './nn/sequence.ts';
export * from './train/bptt.ts';
export * from './simd.ts';
