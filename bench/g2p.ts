/**
 * G2P model speed on onnxruntime-web's WASM backend in Node, one thread (issue 7's targets:
 * cold start ≤ 3 s, greedy decoding of a 10-letter word ≤ 50 ms).
 *
 *   node bench/g2p.ts
 *
 * Cold start: a fresh Node process imports onnxruntime-web and creates both sessions from the
 * model files (median of 5 processes). Decoding: encoder plus greedy (and beam 5) for a
 * 10-letter word, median of 25 runs after 3 warm-ups, wall clock and CPU time.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { beamSearch } from '../lib/seq2seq/beam-search.ts';
import { greedyDecode } from '../lib/seq2seq/greedy-decode.ts';
import { letterIds } from '../lib/seq2seq/phoneme-vocab.ts';
import { G2P_DIR } from '../test/lib/seq2seq/ort-node-runner.ts';
import { median, medianMs } from './timing.ts';

const WORD = 'strawberry';
const COLD_RUNS = 5;
const PLAN = { warmup: 3, repeats: 25 };

/** One cold start in this process: import the runtime, create both sessions; prints ms. */
async function coldStartOnce(): Promise<void> {
  const start = performance.now();
  const { loadCommittedG2P } = await import('../test/lib/seq2seq/ort-node-runner.ts');
  await loadCommittedG2P();
  console.log(performance.now() - start);
}

async function main(): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const colds = Array.from({ length: COLD_RUNS }, () =>
    Number(execFileSync(process.execPath, [self, '--cold-once'], { encoding: 'utf8' }).trim().split('\n').at(-1)),
  );
  const { loadCommittedG2P } = await import('../test/lib/seq2seq/ort-node-runner.ts');
  const model = await loadCommittedG2P();
  const ids = letterIds(model.vocab, WORD);
  let phonemes = '';
  const greedy = await medianMs(async () => {
    const hypothesis = await greedyDecode(model, await model.encode(ids));
    phonemes = hypothesis.phonemes.join(' ');
  }, PLAN);
  const beam5 = await medianMs(async () => beamSearch(model, await model.encode(ids), 5), PLAN);
  const rows = [
    ['cold start (import + 2 sessions)', median(colds), Number.NaN, 3000],
    [`greedy "${WORD}" (encode + decode)`, greedy.ms, greedy.cpuMs, 50],
    [`beam 5 "${WORD}" (encode + decode)`, beam5.ms, beam5.cpuMs, Number.NaN],
  ] as const;
  console.log(`G2P on onnxruntime-web WASM, 1 thread, Node ${process.version}, ${cpus()[0]?.model} × ${cpus().length}`);
  console.log(`models: ${G2P_DIR}; "${WORD}" → ${phonemes}`);
  console.log('case                                     median ms   cpu ms   target ms');
  for (const [name, ms, cpu, target] of rows) {
    const fmt = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(1)).padStart(9);
    console.log(`${name.padEnd(40)} ${fmt(ms)} ${fmt(cpu)} ${fmt(target)}`);
  }
  console.log(
    JSON.stringify({
      word: WORD,
      coldStartMs: colds,
      coldStartMedianMs: median(colds),
      greedy,
      beam5,
      node: process.version,
      cpu: cpus()[0]?.model,
      cores: cpus().length,
    }),
  );
}

if (process.argv.includes('--cold-once')) await coldStartOnce();
else await main();
