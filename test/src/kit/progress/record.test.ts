import { describe, expect, it } from 'vitest';
import { emptyProgress, isExerciseId, markRead, markSolved, mergeProgress, solvedIn, summarize } from '../../../../src/kit/progress/record.ts';

const T1 = '2026-12-01T10:00:00.000Z';
const T2 = '2026-12-02T10:00:00.000Z';

describe('progress record', () => {
  it('starts empty', () => {
    expect(summarize(emptyProgress())).toEqual({ chaptersRead: 0, exercisesSolved: 0 });
    expect(emptyProgress().updatedAt).toBeNull();
  });

  it('marks chapters read and exercises solved, keeping the first time', () => {
    let progress = markRead(emptyProgress(), 'bptt', T1);
    progress = markSolved(progress, 'bptt', '1', T1);
    progress = markSolved(progress, 'bptt', '2', T2);
    progress = markSolved(progress, 'gating', '1', T2);
    expect(summarize(progress)).toEqual({ chaptersRead: 1, exercisesSolved: 3 });
    expect(solvedIn(progress, 'bptt')).toBe(2);
    expect(solvedIn(progress, 'parameters')).toBe(0);
    expect(progress.updatedAt).toBe(T2);
    expect(markRead(progress, 'bptt', T2)).toBe(progress);
    expect(markSolved(progress, 'bptt', '1', T2)).toBe(progress);
    expect(progress.read.bptt).toBe(T1);
  });

  it('does not change the record it was given', () => {
    const before = emptyProgress();
    markSolved(markRead(before, 'bptt', T1), 'bptt', '1', T1);
    expect(before).toEqual(emptyProgress());
  });

  it('refuses exercise ids that are not 1 to 99', () => {
    expect(['1', '9', '10', '99'].every(isExerciseId)).toBe(true);
    expect(['0', '01', '100', '-1', '1.5', 'a', '', '__proto__'].some(isExerciseId)).toBe(false);
    expect(() => markSolved(emptyProgress(), 'bptt', '0', T1)).toThrow(/exercise id/);
  });

  it('merges two records, everything from both at its earliest time', () => {
    const a = markSolved(markRead(emptyProgress(), 'bptt', T2), 'bptt', '1', T2);
    const b = markSolved(markSolved(markRead(emptyProgress(), 'bptt', T1), 'bptt', '2', T1), 'gating', '3', T1);
    const merged = mergeProgress(a, b);
    expect(merged.read).toEqual({ bptt: T1 });
    expect(merged.solved).toEqual({ bptt: { '1': T2, '2': T1 }, gating: { '3': T1 } });
    expect(merged.updatedAt).toBe(T2);
    expect(summarize(merged)).toEqual({ chaptersRead: 1, exercisesSolved: 3 });
  });
});
