/**
 * Keeping progress in the browser's localStorage under one versioned key. Storage may be missing
 * (disabled, some private modes) or full; every call reports that instead of throwing.
 */
import { emptyProgress, PROGRESS_VERSION, type Progress } from './record.ts';
import { checkProgress } from './validate.ts';

/** The localStorage key; a new record version gets a new key. */
export const PROGRESS_STORAGE_KEY = `unrolled.progress.v${PROGRESS_VERSION}`;

/** The part of the Web Storage API progress uses. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Why progress could not be kept: no storage at all, or storage that refuses writes (full, or private mode). */
export type StorageTrouble = 'unavailable' | 'full';

/** The outcome of a write. */
export type StoreResult = { readonly ok: true } | { readonly ok: false; readonly trouble: StorageTrouble };

/** The page's localStorage when it can be written, else null (disabled, blocked, or a private mode that refuses writes). */
export function browserStorage(): ProgressStorage | null {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return null;
    const probe = `${PROGRESS_STORAGE_KEY}.probe`;
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** The stored progress; empty when there is none, when storage is missing, or when what is stored is not a valid record. */
export function loadProgress(storage: ProgressStorage | null): Progress {
  if (!storage) return emptyProgress();
  try {
    const text = storage.getItem(PROGRESS_STORAGE_KEY);
    if (text === null) return emptyProgress();
    const checked = checkProgress(JSON.parse(text), 'stored', true);
    return checked.ok ? checked.value : emptyProgress();
  } catch {
    return emptyProgress();
  }
}

/** Store `progress`, replacing what was stored. */
export function saveProgress(storage: ProgressStorage | null, progress: Progress): StoreResult {
  if (!storage) return { ok: false, trouble: 'unavailable' };
  try {
    storage.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(progress));
    return { ok: true };
  } catch {
    return { ok: false, trouble: 'full' };
  }
}

/** Forget the stored progress. */
export function clearProgress(storage: ProgressStorage | null): StoreResult {
  if (!storage) return { ok: false, trouble: 'unavailable' };
  try {
    storage.removeItem(PROGRESS_STORAGE_KEY);
    return { ok: true };
  } catch {
    return { ok: false, trouble: 'unavailable' };
  }
}
