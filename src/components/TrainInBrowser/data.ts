/**
 * The chapter's data, fetched from the site's own origin under its base path, once per page and
 * task, and turned into the worker's task spec. A failed load may be retried.
 */
import type { TaskSpec } from '../../../lib/train/tasks/registry.ts';
import type { NamesData } from '../../../lib/train/tasks/names.ts';
import type { SpamMessage } from '../../../lib/train/tasks/spam.ts';
import type { StockSeries } from '../../../lib/train/tasks/stocks.ts';
import type { TaskId } from './settings.ts';

/** The file each task reads, under public/data/. */
export const DATA_FILES: Readonly<Record<TaskId, string>> = { names: 'names.json', stocks: 'stocks.json', spam: 'spam-sample.json' };

/** The stock file's shape. */
export interface StocksFile {
  readonly symbols: Readonly<Record<string, StockSeries>>;
}

/** The URL of a data file under the site's base path. */
export function dataUrl(base: string, file: string): string {
  return `${base.replace(/\/?$/, '/')}data/${file}`;
}

const cache = new Map<string, Promise<unknown>>();

/** Fetch a JSON file once; a failure is forgotten so the next call tries again. */
export function fetchJson(url: string): Promise<unknown> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`the server answered ${response.status} for ${url}`);
      return response.json() as Promise<unknown>;
    });
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending;
}

/** The worker's spec for a task from its loaded file; a file of the wrong shape throws, saying so. */
export function taskSpecFromFile(task: TaskId, file: unknown, symbol: string, windowLength: number): TaskSpec {
  const record = (typeof file === 'object' && file !== null ? file : {}) as Record<string, unknown>;
  if (task === 'names') {
    if (!Array.isArray(record.train) || !Array.isArray(record.validation)) throw new Error(`${DATA_FILES.names} has no train and validation lists`);
    return { task, data: record as unknown as NamesData };
  }
  if (task === 'stocks') {
    const series = (record as unknown as StocksFile).symbols?.[symbol];
    if (!series) throw new Error(`${DATA_FILES.stocks} has no symbol ${symbol}`);
    return { task, symbol, series, windowLength };
  }
  if (!Array.isArray(record.messages)) throw new Error(`${DATA_FILES.spam} has no messages`);
  return { task, messages: record.messages as SpamMessage[] };
}
