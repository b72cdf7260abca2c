/**
 * The gating chapter's training race, timed: the wall-clock and CPU time of the whole default run of
 * "remember the first symbol" (RNN, LSTM and GRU, 800 steps each at T = 40; src/components/Gating/task-training.ts)
 * and the final mean losses, so the page's stated budget can be checked on any machine. Not a test.
 *
 *   node bench/gating-race.ts [--json]
 */
import { createTaskRun, DEFAULT_TASK, TASK_KINDS, trainTaskStep, type StepLosses } from '../src/components/Gating/task-training.ts';

/** One timed run of the default training race. */
export interface GatingRaceResult {
  readonly case: string;
  readonly ms: number;
  readonly cpuMs: number;
  /** Mean loss over the last 50 steps, per kind. */
  readonly finalLoss: Record<string, number>;
}

/** Run the chapter's default race once and time it. */
export function gatingRace(): GatingRaceResult {
  const run = createTaskRun(DEFAULT_TASK);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const losses: StepLosses[] = [];
  for (let step = 0; step < DEFAULT_TASK.trainingSteps; step++) losses.push(trainTaskStep(run));
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpuStart);
  const finalLoss: Record<string, number> = {};
  for (const kind of TASK_KINDS) finalLoss[kind] = losses.slice(-50).reduce((a, l) => a + (l[kind] ?? NaN), 0) / 50;
  return { case: `gating-race T=${DEFAULT_TASK.steps} steps=${DEFAULT_TASK.trainingSteps}`, ms, cpuMs: (used.user + used.system) / 1000, finalLoss };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = gatingRace();
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else console.log(`${result.case}: ${(result.ms / 1000).toFixed(1)} s wall, ${(result.cpuMs / 1000).toFixed(1)} s CPU; final loss ${TASK_KINDS.map((k) => `${k} ${result.finalLoss[k]!.toFixed(3)}`).join(', ')}`);
}
