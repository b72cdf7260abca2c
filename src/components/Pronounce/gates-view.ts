/** The encoder replay as the gates widget shows it: a heatmap of the first units' gates per direction, and the chosen letter's numbers. */
import type { EncoderReplay, GateStep } from './gate-replay.ts';

/** Units shown per gate (the encoder has E of them per direction; the first few show the pattern). */
export const UNITS_SHOWN = 4;

/** The quantities of one step, in the order the chapter lists them. */
export const QUANTITIES = [
  { key: 'inputGate', symbol: 'i', name: 'input gate' },
  { key: 'forgetGate', symbol: 'f', name: 'forget gate' },
  { key: 'candidate', symbol: 'g', name: 'candidate' },
  { key: 'outputGate', symbol: 'o', name: 'output gate' },
  { key: 'c', symbol: 'c', name: 'cell state' },
  { key: 'h', symbol: 'h', name: 'hidden state' },
] as const satisfies readonly { key: keyof GateStep; symbol: string; name: string }[];

/** The two directions' names, arrows first. */
export const DIRECTIONS = ['→ forward', '← backward'] as const;

/** One direction's gates as a heatmap: rows i1…i4, f1…, g1…, o1… (the first units), a column per letter. */
export function gateHeatmap(replay: EncoderReplay, direction: 0 | 1, letters: readonly string[]): { values: number[][]; rowLabels: string[]; columnLabels: string[] } {
  const units = Math.min(UNITS_SHOWN, replay.hiddenSize);
  const values: number[][] = [];
  const rowLabels: string[] = [];
  for (const quantity of QUANTITIES.slice(0, 4)) {
    for (let unit = 0; unit < units; unit++) {
      rowLabels.push(`${quantity.symbol}${unit + 1}`);
      values.push(replay.steps[direction].map((step) => step[quantity.key][unit]!));
    }
  }
  return { values, rowLabels, columnLabels: [...letters] };
}

/** The letter to show, 1-based, clamped to the word; with a message when the request was past its end. */
export function letterShown(requested: number, letters: number): { letter: number; message: string | null } {
  const letter = Math.min(Math.max(1, Math.round(requested)), Math.max(1, letters));
  return { letter, message: requested > letters ? `The word has ${letters} letter${letters === 1 ? '' : 's'}; showing letter ${letter}.` : null };
}

/** The chosen letter's rows: for each direction and quantity, the first units' values. */
export function letterRows(replay: EncoderReplay, letter: number): { direction: string; symbol: string; name: string; values: number[] }[] {
  const units = Math.min(UNITS_SHOWN, replay.hiddenSize);
  return ([0, 1] as const).flatMap((direction) =>
    QUANTITIES.map((quantity) => ({
      direction: DIRECTIONS[direction],
      symbol: quantity.symbol,
      name: quantity.name,
      values: Array.from(replay.steps[direction][letter - 1]![quantity.key].subarray(0, units)),
    })),
  );
}
