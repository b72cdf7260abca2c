/** What can be wrong with a progress file or a stored record, each kind naming the problem for the reader. */

/** One problem found while reading progress; the first found is reported. */
export type ProgressProblem =
  /** The file is larger than any real progress file could be. */
  | { readonly kind: 'too-large'; readonly bytes: number; readonly limit: number }
  /** The text does not parse as JSON. */
  | { readonly kind: 'not-json' }
  /** The JSON is not an object (an array, a string, null …). */
  | { readonly kind: 'not-object' }
  /** The object is not an Unrolled progress file (another app's JSON). */
  | { readonly kind: 'wrong-format' }
  /** The file is a progress file of a version this site does not read. */
  | { readonly kind: 'wrong-version'; readonly found: string }
  /** A field is missing, has the wrong type or an impossible value; `field` is its path, e.g. 'progress.read.bptt'. */
  | { readonly kind: 'bad-field'; readonly field: string }
  /** A chapter slug that is not a chapter of this course. */
  | { readonly kind: 'unknown-chapter'; readonly chapter: string }
  /** The content does not match its checksum: the file was edited or damaged after export. */
  | { readonly kind: 'tampered' };

/** Either the value or the problem that stopped it. */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ProgressProblem };

/** A failed check. */
export function failed(problem: ProgressProblem): { readonly ok: false; readonly problem: ProgressProblem } {
  return { ok: false, problem };
}
