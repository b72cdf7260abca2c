/** The kit's timing of a model's warm-up (src/kit/onnx/runner-set.ts), on a fake clock: numbers checked by hand. */
import { describe, expect, it } from 'vitest';
import { timeWarmUp, type RunnerSet } from '../../../../src/kit/onnx/runner-set.ts';

describe('timeWarmUp', () => {
  it('skips the first run, then keeps the better of two timed runs, per step', async () => {
    let clock = 0;
    const durations = [500, 40, 30]; // the first run compiles; later ones are steady
    const warmUp = async () => ((clock += durations.shift()!), 5);
    const set = { runners: {}, info: { backend: 'wasm', threads: 1, crossOriginIsolated: false } } satisfies RunnerSet;
    expect(await timeWarmUp(warmUp, set, {}, () => clock)).toBe(6); // 30 ms over 5 steps
  });
});
