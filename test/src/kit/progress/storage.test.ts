import { afterEach, describe, expect, it } from 'vitest';
import { emptyProgress, markRead, markSolved } from '../../../../src/kit/progress/record.ts';
import {
  browserStorage,
  clearProgress,
  loadProgress,
  PROGRESS_STORAGE_KEY,
  saveProgress,
  type ProgressStorage,
} from '../../../../src/kit/progress/storage.ts';

const T1 = '2026-12-01T10:00:00.000Z';

/** An in-memory Web Storage; `full` makes every write throw as a full quota does. */
function memoryStorage(options: { full?: boolean } = {}): ProgressStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      if (options.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      map.set(key, value);
    },
    removeItem: (key) => void map.delete(key),
  };
}

describe('progress storage', () => {
  const sample = markSolved(markRead(emptyProgress(), 'bptt', T1), 'bptt', '1', T1);

  it('keeps the record under one versioned key and loads it back', () => {
    const storage = memoryStorage();
    expect(PROGRESS_STORAGE_KEY).toBe('unrolled.progress.v1');
    expect(saveProgress(storage, sample)).toEqual({ ok: true });
    expect([...storage.map.keys()]).toEqual([PROGRESS_STORAGE_KEY]);
    expect(loadProgress(storage)).toEqual(sample);
  });

  it('loads empty progress when nothing, or something invalid, is stored', () => {
    const storage = memoryStorage();
    expect(loadProgress(storage)).toEqual(emptyProgress());
    for (const junk of ['not json', '[]', '{"version": 2, "read": {}, "solved": {}, "updatedAt": null}', '{"version": 1, "read": {"nope": "x"}}']) {
      storage.map.set(PROGRESS_STORAGE_KEY, junk);
      expect(loadProgress(storage)).toEqual(emptyProgress());
    }
  });

  it('reset forgets the record', () => {
    const storage = memoryStorage();
    saveProgress(storage, sample);
    expect(clearProgress(storage)).toEqual({ ok: true });
    expect(storage.map.size).toBe(0);
    expect(loadProgress(storage)).toEqual(emptyProgress());
  });

  it('reports full storage instead of throwing', () => {
    expect(saveProgress(memoryStorage({ full: true }), sample)).toEqual({ ok: false, trouble: 'full' });
  });

  it('reports missing storage instead of throwing', () => {
    expect(saveProgress(null, sample)).toEqual({ ok: false, trouble: 'unavailable' });
    expect(clearProgress(null)).toEqual({ ok: false, trouble: 'unavailable' });
    expect(loadProgress(null)).toEqual(emptyProgress());
  });

  describe('browserStorage', () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    afterEach(() => {
      if (original) Object.defineProperty(globalThis, 'localStorage', original);
      else delete (globalThis as { localStorage?: unknown }).localStorage;
    });

    it('is the page storage when it takes a write, and leaves no probe behind', () => {
      const storage = memoryStorage();
      Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
      expect(browserStorage()).toBe(storage);
      expect(storage.map.size).toBe(0);
    });

    it('is null when reading localStorage throws (storage blocked)', () => {
      Object.defineProperty(globalThis, 'localStorage', {
        get: () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
        configurable: true,
      });
      expect(browserStorage()).toBeNull();
    });

    it('is null when every write fails (a private mode with no quota)', () => {
      Object.defineProperty(globalThis, 'localStorage', { value: memoryStorage({ full: true }), configurable: true });
      expect(browserStorage()).toBeNull();
    });
  });
});
