/**
 * The words of the trainer's status region, and when to update them: at once when the state
 * changes (running, paused, halted, crashed) or nothing runs, and while training runs at most
 * every STATUS_INTERVAL_MS, so a screen reader announces progress now and then instead of twenty
 * times a second.
 */
import { formatNumber } from '../../kit/format.ts';

/** The trainer's states. */
export type TrainerState = 'loading' | 'ready' | 'running' | 'paused' | 'halted' | 'crashed' | 'refused';

/** The shortest time between two progress announcements. */
export const STATUS_INTERVAL_MS = 3000;

/** What the status line reports. */
export interface StatusFacts {
  readonly state: TrainerState;
  readonly steps: number;
  readonly trainLoss: number | null;
  readonly validationLoss: number | null;
  readonly stepsPerSecond: number;
  /** The halt, crash or refusal message. */
  readonly message: string;
}

/** The status sentence. */
export function statusText(facts: StatusFacts): string {
  const losses = [
    facts.trainLoss !== null && Number.isFinite(facts.trainLoss) ? `training loss ${formatNumber(Number(facts.trainLoss.toFixed(4)))}` : '',
    facts.validationLoss !== null && Number.isFinite(facts.validationLoss) ? `validation loss ${formatNumber(Number(facts.validationLoss.toFixed(4)))}` : '',
  ].filter(Boolean).join(', ');
  const progress = `${formatNumber(facts.steps)} update${facts.steps === 1 ? '' : 's'}${losses ? `; ${losses}` : ''}`;
  switch (facts.state) {
    case 'loading': return 'Loading the data…';
    case 'ready': return facts.steps === 0 ? `Ready: press Start, or Step for one update.${losses ? ` Before training: ${losses}.` : ''}` : `Ready. ${progress}.`;
    case 'running': return `Training: ${progress}${facts.stepsPerSecond > 0 ? ` (${formatNumber(Math.round(facts.stepsPerSecond))} updates/s)` : ''}.`;
    case 'paused': return `Paused after ${progress}.`;
    case 'halted': return facts.message;
    case 'crashed': return `${facts.message} The rest of the page still works; press Reset to start a new worker.`;
    case 'refused': return facts.message;
  }
}

/** Decides whether a new status text should be announced now: always unless training runs, then on a change of state or after the interval. */
export function shouldAnnounce(previousState: TrainerState, state: TrainerState, lastAnnouncedAt: number, now: number): boolean {
  return state !== 'running' || previousState !== state || now - lastAnnouncedAt >= STATUS_INTERVAL_MS;
}
