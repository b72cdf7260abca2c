/** Reading the chapter's page values into widget settings: defaults, fallbacks for garbage, and the cap on the task's T. */
import { describe, expect, it } from 'vitest';
import { explorerSettings, pathSettings, rememberBiasOf, requestedStep, speedSettings, taskSettings } from '../../../../src/components/Gating/page-settings.ts';
import { DEFAULT_TASK, MAX_TASK_STEPS } from '../../../../src/components/Gating/task-training.ts';

describe('page settings', () => {
  it('fall back to the defaults for missing or wrongly typed values', () => {
    const garbage = { text: 42, cell: 'RNN', step: 'x', seed: NaN, H: Infinity, fb: 'banana', pT: null, taskT: '1e9', sD: {}, sH: [] };
    expect(explorerSettings(garbage)).toEqual(explorerSettings({}));
    expect(explorerSettings(garbage).kind).toBe('LSTM');
    expect(requestedStep(garbage)).toBe(3);
    expect(pathSettings(garbage)).toEqual({ steps: 50, hiddenSize: 8, seed: 1, rememberBias: 1 });
    expect(taskSettings(garbage)).toEqual({ settings: DEFAULT_TASK, capMessage: null });
    expect(speedSettings(garbage)).toEqual({ inputSize: 32, hiddenSize: 64, steps: 50, repeats: 5 });
  });

  it('read the choices: GRU, and the remember bias 0, 1 or 2', () => {
    expect(explorerSettings({ cell: 'GRU' }).kind).toBe('GRU');
    expect(['0', '1', '2', '3', ''].map((fb) => rememberBiasOf({ fb }))).toEqual([0, 1, 2, 1, 1]);
  });

  it('cap the task\'s T at 200 with a message saying why', () => {
    const capped = taskSettings({ taskT: 1000, taskSeed: 7 });
    expect(capped.settings.steps).toBe(MAX_TASK_STEPS);
    expect(capped.settings.seed).toBe(7);
    expect(capped.capMessage).toBe('T = 1000 is more than this page trains on: each step would take 25× the default\'s time. Training uses T = 200.');
    expect(taskSettings({ taskT: 200 }).capMessage).toBeNull();
  });
});
