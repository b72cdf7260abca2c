/** What the eigenvalue plot shows: W_hh's eigenvalues placed in the complex plane around the unit circle. */
import { createRandom } from '../../../lib/random.ts';
import { formatNumber } from '../../kit/format.ts';
import { modulus } from '../../../lib/linalg/eigenvalues.ts';
import type { PageSettings } from './page-settings.ts';
import { recurrentMatrix } from './recurrent-matrix.ts';

/** The plot's size in SVG units (square). */
export const PLANE_SIZE = 240;

/** One eigenvalue as a dot: where it sits, its modulus, and a label. */
export interface EigenDot {
  readonly x: number;
  readonly y: number;
  readonly modulus: number;
  readonly outside: boolean;
  readonly label: string;
}

/** The plot's contents, or why there are none. */
export type EigenView =
  | {
      readonly ok: true;
      /** Half the width of the visible plane, in the units of λ. */
      readonly extent: number;
      /** SVG units per unit of λ. */
      readonly scale: number;
      readonly rho: number;
      readonly spectralNorm: number;
      readonly dots: readonly EigenDot[];
      /** How many eigenvalues lie outside the unit circle. */
      readonly outside: number;
    }
  | { readonly ok: false; readonly message: string };

/** An eigenvalue as text, a ± b i. */
export function eigenLabel(re: number, im: number): string {
  if (Math.abs(im) < 1e-12) return formatNumber(re);
  return `${formatNumber(re)} ${im < 0 ? '−' : '+'} ${formatNumber(Math.abs(im))}i`;
}

/** Eigenvalues of the same W_hh the gradient map uses (same seed, H and ρ), placed on the plane. */
export function eigenView(settings: Pick<PageSettings, 'seed' | 'hiddenSize' | 'rho'>): EigenView {
  const matrix = recurrentMatrix(createRandom(settings.seed), settings.hiddenSize, settings.rho);
  if (!matrix) return { ok: false, message: 'The eigenvalues of this seed’s matrix could not be found; try another seed.' };
  const extent = Math.max(1.25, matrix.rho * 1.15);
  const scale = PLANE_SIZE / 2 / extent;
  const dots = matrix.eigenvalues.map(({ re, im }) => {
    const size = modulus({ re, im });
    return { x: PLANE_SIZE / 2 + re * scale, y: PLANE_SIZE / 2 - im * scale, modulus: size, outside: size > 1 + 1e-12, label: eigenLabel(re, im) };
  });
  return { ok: true, extent, scale, rho: matrix.rho, spectralNorm: matrix.spectralNorm, dots, outside: dots.filter((dot) => dot.outside).length };
}
