// Does keeping the G2P decoder's recurrent state on the GPU between steps help? In the system
// Chromium with WebGPU (SwiftShader here), with the site's onnxruntime-web build (ORT_ENTRY) and
// model files, one greedy-style loop of decoder steps is timed three ways on the WebGPU backend:
//   "readback": every output comes back to the CPU each step (what the page's runners do);
//   "state on GPU": preferredOutputLocation 'gpu-buffer' for h_out and c_out, fed back as the next
//                   step's h and c without leaving the GPU (log_probs still read back: argmax needs it);
//   "state and memory on GPU": also the encoder's memory kept as a GPU buffer (uploaded once).
// WASM's loop is timed too, for scale, and the last step's log-probabilities are compared.
//
//   npm run build && node bench/gpu-state.mjs [--steps 20] [--json]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { findChromium } from '../scripts/find-chromium.mjs';
import { ORT_ENTRY } from '../src/integrations/onnxruntime-files.ts';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : fallback);
const steps = Number(option('--steps', '20'));
const port = Number(option('--port', '4492'));
const ortDist = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));

const server = spawn(process.execPath, ['scripts/serve.mjs', 'dist', String(port), '/'], { stdio: 'ignore' });
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--no-first-run', '--enable-unsafe-webgpu'],
});
const loadBefore = loadavg()[0];
let result;
try {
  await new Promise((resolve) => setTimeout(resolve, 500));
  // a page without a model has no 'wasm-unsafe-eval' in its CSP; this bench loads the runtime by hand there
  const page = await (await browser.newContext({ bypassCSP: true, serviceWorkers: 'block' })).newPage();
  await page.route('**/__ort-bench/ort.mjs', (route) => route.fulfill({ path: join(ortDist, ORT_ENTRY), contentType: 'text/javascript; charset=utf-8' }));
  await page.goto(`http://127.0.0.1:${port}/notation/`);
  result = await page.evaluate(async (steps) => {
    const ort = await import('/__ort-bench/ort.mjs');
    ort.env.wasm.wasmPaths = '/ort/';
    ort.env.wasm.numThreads = 1;
    ort.env.logLevel = 'error';
    const bytes = async (path) => new Uint8Array(await (await fetch(`/models/${path}`)).arrayBuffer());
    const vocab = await (await fetch('/models/g2p/vocab.json')).json();
    const [encoderBytes, decoderBytes] = [await bytes('g2p/encoder.onnx'), await bytes('g2p/decoder-step.onnx')];
    const letters = new ort.Tensor('int64', BigInt64Array.from('strawberry'.split('').map((l) => BigInt(vocab.letters.indexOf(l)))), [1, 10]);
    const token = (id) => new ort.Tensor('int64', BigInt64Array.from([BigInt(id)]), [1]);
    const argmax = (values) => values.reduce((best, value, index) => (value > values[best] ? index : best), 0);

    async function loop(backend, { stateOnGpu = false, memoryOnGpu = false } = {}) {
      const base = { executionProviders: [backend], logSeverityLevel: 3 };
      const encoder = await ort.InferenceSession.create(encoderBytes, memoryOnGpu ? { ...base, preferredOutputLocation: { memory: 'gpu-buffer' } } : base);
      const decoder = await ort.InferenceSession.create(decoderBytes, stateOnGpu ? { ...base, preferredOutputLocation: { h_out: 'gpu-buffer', c_out: 'gpu-buffer' } } : base);
      const run = async (count) => {
        const encoded = await encoder.run({ letters });
        let [h, c, next, logProbs] = [encoded.h0, encoded.c0, vocab.bos, null];
        const started = performance.now();
        for (let step = 0; step < count; step++) {
          const out = await decoder.run({ token: token(next), h, c, memory: encoded.memory });
          if (stateOnGpu && step > 0) { h.dispose(); c.dispose(); }
          [h, c] = [out.h_out, out.c_out];
          logProbs = out.log_probs.data; // read back: greedy decoding needs it
          next = argmax(logProbs);
        }
        const ms = (performance.now() - started) / count;
        if (stateOnGpu) { h.dispose(); c.dispose(); }
        if (memoryOnGpu) encoded.memory.dispose();
        return { ms, logProbs: Array.from(logProbs) };
      };
      await run(3); // kernels compile, shaders build
      const timed = [await run(steps), await run(steps)];
      await encoder.release();
      await decoder.release();
      return { ms: Math.min(...timed.map((t) => t.ms)), logProbs: timed[1].logProbs };
    }
    const readback = await loop('webgpu');
    const stateOnGpu = await loop('webgpu', { stateOnGpu: true });
    const allOnGpu = await loop('webgpu', { stateOnGpu: true, memoryOnGpu: true });
    const wasm = await loop('wasm');
    const diff = (a, b) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));
    return {
      msPerStep: { webgpuReadback: readback.ms, webgpuStateOnGpu: stateOnGpu.ms, webgpuStateAndMemoryOnGpu: allOnGpu.ms, wasm: wasm.ms },
      maxLogProbDifferenceFromReadback: { stateOnGpu: diff(stateOnGpu.logProbs, readback.logProbs), allOnGpu: diff(allOnGpu.logProbs, readback.logProbs), wasm: diff(wasm.logProbs, readback.logProbs) },
      adapter: await navigator.gpu.requestAdapter().then((a) => a && `${a.info.vendor} ${a.info.architecture} ${a.info.description} fallback=${a.info.isFallbackAdapter ?? a.isFallbackAdapter}`),
    };
  }, steps);
} finally {
  await browser.close();
  server.kill();
}
console.log(JSON.stringify({ steps, loadBefore, loadAfter: loadavg()[0], ...result }, null, 2));
