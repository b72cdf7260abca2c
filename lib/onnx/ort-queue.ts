/**
 * One queue for every onnxruntime-web call on the page. Its WebGPU backend (JSEP) keeps global
 * state in the one shared WebAssembly module: a run that overlaps another session's run or
 * creation fails ("Session already started"). Sessions therefore take turns, whatever widget owns them.
 */

let tail: Promise<unknown> = Promise.resolve();

/** Runs `task` after every task queued before it; its result or error is passed through. */
export function inOrtQueue<T>(task: () => Promise<T>): Promise<T> {
  const result = tail.then(task);
  tail = result.catch(() => undefined);
  return result;
}
