/**
 * Training speed of the chapter "Train in your browser", in Node on one core (lib/ as the worker runs it):
 *
 *   node bench/training.ts [--json] [--seconds=S]
 *
 * For each task's default configuration (the page's defaults: an LSTM with 32 hidden units, Adam at
 * 0.01, clipping at 1, batches of 32, seed 1; IBM with windows of 12 for the stock task), optimizer
 * updates per second, validation included at the page's interval. Then the time the name task's
 * default takes until its held-out bits per character drop below the bigram baseline's (capped at 60 s).
 * Wall time and this process's CPU time are both given: on a shared machine the CPU time is the fairer.
 * With --json, stdout holds one JSON object per row.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSession } from '../lib/train/session.ts';
import { createTask, taskBaseline, type TaskSpec } from '../lib/train/tasks/registry.ts';
import type { TrainingSettings } from '../lib/train/settings.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const seconds = Number(args.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? 5);
const TIME_LIMIT_S = 60;

function readData(file: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, 'public/data', file), 'utf8'));
}

const names = readData('names.json') as { train: string[]; validation: string[] };
const stocks = readData('stocks.json') as { symbols: Record<string, { dates: string[]; prices: number[] }> };
const spam = readData('spam-sample.json') as { messages: never[] };

const base: Omit<TrainingSettings, 'validateEvery'> = { kind: 'LSTM', hiddenSize: 32, optimizer: 'Adam', learningRate: 0.01, clipNorm: 1, batchSize: 32, seed: 1 };
const cases: { name: string; spec: TaskSpec; validateEvery: number }[] = [
  { name: 'names', spec: { task: 'names', data: names }, validateEvery: 100 },
  { name: 'stocks (IBM, L = 12)', spec: { task: 'stocks', symbol: 'IBM', series: stocks.symbols.IBM!, windowLength: 12 }, validateEvery: 20 },
  { name: 'spam', spec: { task: 'spam', messages: spam.messages }, validateEvery: 20 },
];

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function emit(row: Record<string, string | number>, line: string): void {
  process.stdout.write(json ? `${JSON.stringify(row)}\n` : `${line}\n`);
}

if (!json) console.log(`Updates per second (default configuration, ${seconds} s each, validation included)\n\n| task | updates/s (wall) | updates/s (CPU) | updates |\n|---|---:|---:|---:|`);
for (const c of cases) {
  const session = createSession(createTask(c.spec), { ...base, validateEvery: c.validateEvery });
  for (let i = 0; i < 10; i++) session.step(); // warm-up
  const start = performance.now();
  const cpu = process.cpuUsage();
  let updates = 0;
  while (performance.now() - start < seconds * 1000) { session.step(); updates++; }
  const wall = (performance.now() - start) / 1000;
  const cpuS = cpuMs(cpu) / 1000;
  emit({ bench: 'updates-per-second', task: c.name, wallPerSecond: updates / wall, cpuPerSecond: updates / cpuS, updates },
    `| ${c.name} | ${(updates / wall).toFixed(1)} | ${(updates / cpuS).toFixed(1)} | ${updates} |`);
}

const task = createTask(cases[0]!.spec);
const baseline = taskBaseline(task);
const target = baseline.task === 'names' ? baseline.bitsPerCharacter : NaN;
const session = createSession(task, { ...base, validateEvery: 100 });
const start = performance.now();
const cpu = process.cpuUsage();
let beatAt: { step: number; wallS: number; cpuS: number; bpc: number } | null = null;
let seen = session.validationLosses.length;
while (!beatAt && performance.now() - start < TIME_LIMIT_S * 1000 && !session.halted) {
  session.step();
  if (session.validationLosses.length === seen) continue;
  seen = session.validationLosses.length;
  const last = session.validationLosses.at(-1)!;
  const bpc = last.loss / Math.LN2;
  if (bpc < target) beatAt = { step: last.step, wallS: (performance.now() - start) / 1000, cpuS: cpuMs(cpu) / 1000, bpc };
}
if (!json) console.log(`\nTime for the name task's default to beat the bigram (${target.toFixed(3)} bits/char held out), validated every 100 updates\n`);
if (beatAt) {
  emit({ bench: 'time-to-beat-bigram', bigramBpc: target, ...beatAt },
    `beaten at update ${beatAt.step}: ${beatAt.bpc.toFixed(3)} bits/char after ${beatAt.wallS.toFixed(2)} s wall, ${beatAt.cpuS.toFixed(2)} s CPU`);
} else {
  emit({ bench: 'time-to-beat-bigram', bigramBpc: target, beaten: 'no' }, `not beaten within ${TIME_LIMIT_S} s${session.halted ? ` (${session.halted})` : ''}`);
}
