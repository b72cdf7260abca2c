/** The training widget's loss record: windowed means, halted steps skipped, and the chance line. */
import { describe, expect, it } from 'vitest';
import { appendLosses, CHANCE_NAME, emptyHistory, latestLosses, lossSeries } from '../../../../src/components/Gating/loss-history.ts';
import { CHANCE_LOSS } from '../../../../src/components/Gating/first-symbol-task.ts';

describe('loss history', () => {
  it('draws means over windows of steps, skipping halted (null) steps, plus the chance line over the budget', () => {
    let history = emptyHistory();
    history = appendLosses(history, [
      { RNN: 1, LSTM: 2, GRU: null },
      { RNN: 3, LSTM: 4, GRU: null },
      { RNN: 5, LSTM: null, GRU: null },
    ]);
    const series = lossSeries(history, 100, 2);
    expect(series.map((s) => s.name)).toEqual(['RNN', 'LSTM', 'GRU', CHANCE_NAME]);
    expect(series[0]!.points).toEqual([[2, 2], [3, 5]]);
    expect(series[1]!.points).toEqual([[2, 3]]);
    expect(series[2]!.points).toEqual([]);
    expect(series[3]!.points).toEqual([[0, CHANCE_LOSS], [100, CHANCE_LOSS]]);
    expect(CHANCE_NAME).toBe('chance (ln 2)');
    expect(latestLosses(history)).toEqual({ RNN: 5, LSTM: null, GRU: null });
    expect(latestLosses(emptyHistory())).toEqual({ RNN: null, LSTM: null, GRU: null });
  });

  it('appending leaves the old history as it was', () => {
    const before = emptyHistory();
    const after = appendLosses(before, [{ RNN: 0.5, LSTM: 0.5, GRU: 0.5 }]);
    expect(before.RNN).toEqual([]);
    expect(after.RNN).toEqual([0.5]);
  });
});
