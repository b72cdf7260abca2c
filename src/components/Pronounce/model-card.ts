/**
 * The model card's facts, read from public/models/g2p/metrics.json (written by scripts/g2p/evaluate.py) and the
 * model manifest, with every missing or malformed field shown as "not recorded" rather than as NaN or a throw.
 */

/** The metrics.json fields the card uses (all optional: the card says what is missing). */
export interface G2pMetrics {
  /** Phoneme error rate on the held-out words, a fraction (0.062 = 6.2 %). */
  readonly per?: number;
  /** Word error rate on the held-out words, a fraction. */
  readonly wer?: number;
  readonly heldOutWords?: number;
  readonly trainWords?: number;
  readonly validWords?: number;
  readonly splitRule?: string;
  readonly params?: number;
  readonly architecture?: string;
  readonly epochs?: number;
  readonly trainSeconds?: number;
  readonly decoding?: string;
  /** The training machine: a description, or { cpu, cores } as scripts/g2p/evaluate.py writes it. */
  readonly machine?: string | { readonly cpu?: string; readonly cores?: number };
  readonly torch?: string;
  readonly command?: string;
  readonly date?: string;
  /** Speed, added from the benchmark (bench/): cold start (runtime + model) in ms, and greedy decoding of a 10-letter word in ms (WASM, one thread). */
  readonly speed?: { readonly coldStartMs?: number; readonly greedy10LettersMs?: number; readonly device?: string };
}

/** What the card prints for a value that is missing. */
export const NOT_RECORDED = 'not recorded';

/** A rate (a fraction) as a percentage with two decimals, or NOT_RECORDED. */
export function percent(rate: unknown): string {
  return typeof rate === 'number' && Number.isFinite(rate) && rate >= 0 && rate <= 1 ? `${(rate * 100).toFixed(2)} %` : NOT_RECORDED;
}

/** A whole number with thousands separators, or NOT_RECORDED. */
export function count(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : NOT_RECORDED;
}

/** A duration in seconds as "1 h 23 min" / "12 min 5 s" / "40 s", or NOT_RECORDED. */
export function duration(seconds: unknown): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return NOT_RECORDED;
  const s = Math.round(seconds);
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${s} s`;
}

/** Milliseconds for the speed table, or NOT_RECORDED. */
export function milliseconds(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? `${Number(value.toPrecision(3))} ms` : NOT_RECORDED;
}

/** A text field, or NOT_RECORDED. */
export function text(value: unknown): string {
  return typeof value === 'string' && value.trim() !== '' ? value : NOT_RECORDED;
}

/** One row of the comparison with published results. */
export interface ComparisonRow {
  readonly system: string;
  readonly source: string;
  readonly per: string;
  readonly wer: string;
  readonly split: string;
}

/** Our figures beside the published ones the card can vouch for (figures as the papers report them). */
export function comparisonRows(metrics: G2pMetrics): ComparisonRow[] {
  return [
    { system: 'This model: BiLSTM encoder, attention, LSTM decoder (greedy)', source: 'metrics.json', per: percent(metrics.per), wer: percent(metrics.wer), split: 'ours: every word with crc32 % 10 = 0 held out' },
    { system: 'Deep bidirectional LSTM with CTC', source: 'Rao et al., ICASSP 2015', per: '—', wer: '25.8 %', split: 'standard CMUdict train/test split' },
    { system: 'The same combined with a joint n-gram model', source: 'Rao et al., ICASSP 2015', per: '—', wer: '21.3 %', split: 'standard CMUdict train/test split' },
    { system: 'Bidirectional LSTM using alignments', source: 'Yao & Zweig, Interspeech 2015', per: '5.45 %', wer: '23.55 %', split: 'standard CMUdict train/test split' },
  ];
}

/** The total size of the manifest's files whose path starts with `prefix` (a folder, or one exact path), in bytes. */
export function folderBytes(manifest: { files?: readonly { path: string; bytes: number }[] }, prefix: string): number {
  return (manifest.files ?? []).filter((file) => file.path.startsWith(prefix)).reduce((sum, file) => sum + file.bytes, 0);
}

/** Bytes as "4.8 MB" (or kB below a megabyte). */
export function megabytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} kB`;
}

/** The training machine as a phrase ("AMD EPYC, 2 cores"), or NOT_RECORDED. */
export function machineText(machine: unknown): string {
  if (typeof machine === 'string') return text(machine);
  if (machine === null || typeof machine !== 'object') return NOT_RECORDED;
  const { cpu, cores, ...rest } = machine as Record<string, unknown>;
  const parts = [
    typeof cpu === 'string' ? cpu : null,
    typeof cores === 'number' ? `${cores} core${cores === 1 ? '' : 's'}` : null,
    ...Object.entries(rest).map(([key, value]) => `${key}: ${String(value)}`),
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join(', ') : NOT_RECORDED;
}
