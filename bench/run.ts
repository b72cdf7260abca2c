/**
 * `npm run bench` (node bench/run.ts): the speed figures of issue 3. Not a test: nothing asserts on time.
 *
 *   node bench/run.ts [--json] [--quick] [--skip-tfjs] [--skip-torch]
 *
 * Rows: LSTM and GRU forward+backward (bench/cases.ts) in our core ("unrolled", float32 and float64), in
 * TensorFlow.js ("tfjs-wasm", float32 only, same process), and in PyTorch on one thread ("torch-1thread", from
 * bench/torch_reference.py when /usr/bin/python3 imports torch); then the C = A·Bᵀ kernel, with the SIMD routing
 * ("unrolled") and with the JavaScript tiles only ("unrolled-js"). Each figure is the median of several repeats
 * after warm-up runs. With --json, stdout holds one {"case", "impl", "dtype", "ms", "gflops"} object per line and
 * progress goes to stderr (npm adds its own "> bench" header to stdout; `npm run -s bench -- --json` leaves it out);
 * otherwise a table is printed.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchCases, forwardBackwardFlops, type BenchCase } from './cases.ts';
import { unrolledForwardBackward } from './unrolled-recurrent.ts';
import { readyTfjs, tfjsForwardBackward } from './tfjs-recurrent.ts';
import { kernelHasSimd, kernelRun, kernelShapes } from './kernel.ts';
import { medianMs, type TimingPlan } from './timing.ts';

/** One measured figure. */
interface Row {
  readonly case: string;
  readonly impl: string;
  readonly dtype: 'float32' | 'float64';
  readonly ms: number;
  readonly gflops: number;
  /** CPU ms (table only; the JSON keeps issue 3's five keys). */
  readonly cpuMs: number;
}

const args = new Set(process.argv.slice(2));
const known = ['--json', '--quick', '--skip-tfjs', '--skip-torch'];
for (const arg of args) if (!known.includes(arg)) throw new Error(`unknown option ${arg}; known: ${known.join(' ')}`);
const json = args.has('--json');
const quick = args.has('--quick');
const plans: Record<'core' | 'tfjs' | 'kernel', TimingPlan> = quick
  ? { core: { warmup: 1, repeats: 3 }, tfjs: { warmup: 1, repeats: 1 }, kernel: { warmup: 1, repeats: 3 } }
  : { core: { warmup: 2, repeats: 7 }, tfjs: { warmup: 1, repeats: 3 }, kernel: { warmup: 2, repeats: 7 } };
const dtypes = ['float32', 'float64'] as const;
const rows: Row[] = [];
const notes: string[] = [];

// `npm run bench -- --json | head` closes stdout early; stop quietly rather than crash on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const progress = (text: string) => process.stderr.write(`${text}\n`);
const round = (value: number, digits: number) => Number(value.toFixed(digits));

function record(row: Row): void {
  const rounded = { ...row, ms: round(row.ms, 2), gflops: round(row.gflops, 3), cpuMs: round(row.cpuMs, 2) };
  rows.push(rounded);
  const { cpuMs: _cpu, ...printed } = rounded;
  if (json) process.stdout.write(`${JSON.stringify(printed)}\n`);
  else progress(`  ${row.case} ${row.impl} ${row.dtype}: ${rounded.ms} ms`);
}

const gflopsOf = (flops: number, ms: number) => flops / (ms * 1e6);

async function benchCore(benchCase: BenchCase): Promise<void> {
  for (const dtype of dtypes) {
    const { ms, cpuMs } = await medianMs(unrolledForwardBackward(benchCase, dtype), plans.core);
    record({ case: benchCase.name, impl: 'unrolled', dtype, ms, cpuMs, gflops: gflopsOf(forwardBackwardFlops(benchCase), ms) });
  }
}

async function benchTfjs(benchCase: BenchCase): Promise<void> {
  const { ms, cpuMs } = await medianMs(await tfjsForwardBackward(benchCase), plans.tfjs);
  record({ case: benchCase.name, impl: tfjsImpl, dtype: 'float32', ms, cpuMs, gflops: gflopsOf(forwardBackwardFlops(benchCase), ms) });
}

/** Run bench/torch_reference.py with Debian's python3-torch, if it imports; otherwise add a note. */
function benchTorch(): void {
  const python = '/usr/bin/python3';
  const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    notes.push(`torch-1thread rows skipped: ${python} cannot import torch (apt-get install python3-torch to add them).`);
    return;
  }
  const script = fileURLToPath(new URL('./torch_reference.py', import.meta.url));
  const { warmup, repeats } = plans.core;
  const run = spawnSync(python, [script, '--warmup', String(warmup), '--repeats', String(repeats)], { encoding: 'utf8' });
  if (run.status !== 0) {
    notes.push(`torch-1thread rows skipped: torch_reference.py failed (${run.stderr.trim().split('\n').pop()}).`);
    return;
  }
  for (const line of run.stdout.split('\n').filter((text) => text.trim().startsWith('{'))) {
    const parsed = JSON.parse(line) as { case: string; dtype: 'float32' | 'float64'; ms: number; cpu_ms: number };
    const benchCase = benchCases.find((c) => c.name === parsed.case);
    record({ case: parsed.case, impl: 'torch-1thread', dtype: parsed.dtype, ms: parsed.ms, cpuMs: parsed.cpu_ms, gflops: benchCase ? gflopsOf(forwardBackwardFlops(benchCase), parsed.ms) : 0 });
  }
}

async function benchKernels(): Promise<void> {
  if (!kernelHasSimd()) notes.push('This engine has no WebAssembly SIMD: the "unrolled" kernel rows are the JavaScript tiles.');
  for (const shape of kernelShapes) {
    for (const dtype of dtypes) {
      for (const [impl, simd] of [['unrolled', true], ['unrolled-js', false]] as const) {
        const { run, flops } = kernelRun(shape, dtype, simd);
        const { ms, cpuMs } = await medianMs(run, plans.kernel);
        record({ case: shape.name, impl, dtype, ms, cpuMs, gflops: gflopsOf(flops, ms) });
      }
    }
  }
}

let tfjsImpl = 'tfjs-wasm';

const find = (name: string, impl: string, dtype: string) => rows.find((r) => r.case === name && r.impl === impl && r.dtype === dtype);

/** Pad cells into aligned columns, first column left-aligned, the rest right-aligned. */
function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function printTables(backend: string | null): void {
  const fmt = (value: number | undefined, digits = 1) => (value === undefined ? '—' : value.toFixed(digits));
  const recurrent = benchCases.flatMap((benchCase) => dtypes.map((dtype) => {
    const ours = find(benchCase.name, 'unrolled', dtype);
    const tfjs = find(benchCase.name, tfjsImpl, 'float32');
    const torch = find(benchCase.name, 'torch-1thread', dtype);
    const ratio = (theirs: Row | undefined, key: 'ms' | 'cpuMs') => (ours && theirs ? `${(theirs[key] / ours[key]).toFixed(2)}×` : '—');
    return [
      benchCase.name, dtype, fmt(ours?.ms), fmt(ours?.cpuMs), fmt(ours?.gflops, 2), fmt(tfjs?.ms), ratio(tfjs, 'ms'), ratio(tfjs, 'cpuMs'),
      fmt(torch?.ms), ratio(torch, 'ms'), ratio(torch, 'cpuMs'),
    ];
  }));
  console.log('Recurrent forward+backward (median wall ms and CPU ms; "vs" = their time / our time, by wall and by CPU)\n');
  console.log(table(['case', 'dtype', 'unrolled ms', 'cpu ms', 'GFLOP/s', `${tfjsImpl} f32 ms`, 'vs tfjs', '(cpu)', 'torch-1thread ms', 'vs torch', '(cpu)'], recurrent));
  const kernel = kernelShapes.flatMap((shape) => dtypes.map((dtype) => {
    const simd = find(shape.name, 'unrolled', dtype);
    const js = find(shape.name, 'unrolled-js', dtype);
    return [shape.name, dtype, fmt(simd?.gflops, 2), fmt(js?.gflops, 2)];
  }));
  console.log('\nMatrix kernel C = A·Bᵀ (GFLOP/s)\n');
  console.log(table(['product M×N×K', 'dtype', 'unrolled (SIMD route)', 'unrolled-js (JS tiles)'], kernel));
  console.log(`\nNode ${process.version}; tfjs backend: ${backend ?? 'skipped'}; ${plans.core.repeats} repeats (tfjs ${plans.tfjs.repeats}) after warm-up, median.`);
  for (const note of notes) console.log(`Note: ${note}`);
}

const started = performance.now();
progress('unrolled (our core):');
for (const benchCase of benchCases) await benchCore(benchCase);
let backend: string | null = null;
if (!args.has('--skip-tfjs')) {
  backend = await readyTfjs();
  tfjsImpl = `tfjs-${backend}`;
  progress(`tfjs (${backend} backend):`);
  for (const benchCase of benchCases) await benchTfjs(benchCase);
}
if (!args.has('--skip-torch')) {
  progress('torch (one thread):');
  benchTorch();
}
progress('matrix kernel:');
await benchKernels();
if (json) for (const note of notes) progress(`note: ${note}`);
else printTables(backend);
progress(`bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
