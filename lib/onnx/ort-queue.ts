/**
 * One queue for every onnxruntime-web call on the page. All sessions share one WebAssembly
 * module, and a WebGPU run suspends inside it while the GPU works; a call from another session
 * that enters meanwhile breaks it (with the JSEP build: "Session already started", then a
 * crash). Sessions therefore take turns, whatever widget owns them.
 */

let tail: Promise<unknown> = Promise.resolve();

/** Runs `task` after every task queued before it; its result or error is passed through. */
export function inOrtQueue<T>(task: () => Promise<T>): Promise<T> {
  const result = tail.then(task);
  tail = result.catch(() => undefined);
  return result;
}
