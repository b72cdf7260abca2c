/**
 * The PyTorch block and the eigenvalue plane. The default code was run once with /usr/bin/python3 (PyTorch 1.13):
 * it printed ‖∂L_T/∂h_T‖ = 1 and ‖∂L_T/∂h_1‖ ≈ 1.9e−5, the same vanishing as the widget (PyTorch's own random numbers).
 */
import { describe, expect, it } from 'vitest';
import { gradientCode } from '../../../../src/components/BpttGradients/pytorch-code.ts';
import { readSettings } from '../../../../src/components/BpttGradients/page-settings.ts';
import { eigenLabel, eigenView, PLANE_SIZE } from '../../../../src/components/BpttGradients/eigen-view.ts';
import { recurrentMatrix } from '../../../../src/components/BpttGradients/recurrent-matrix.ts';
import { createRandom } from '../../../../lib/random.ts';
import { RHO_SCALE } from '../../../../src/components/BpttGradients/log-slider.ts';

describe('the PyTorch block', () => {
  it('carries the settings: seed, T, D_h, ρ, the activation', () => {
    const code = gradientCode(readSettings({ seed: 7, T: 120, H: 8, rho: 1.25, act: 'ReLU' }));
    expect(code).toContain('torch.manual_seed(7)');
    expect(code).toContain('T, H, D, rho = 120, 8, 3, 1.25');
    expect(code).toContain('f = torch.relu');
    expect(code).toContain('W_hh *= rho / torch.linalg.eigvals(W_hh).abs().max()');
    expect(gradientCode(readSettings({ act: 'linear' }))).toContain('f = lambda a: a');
  });

  it('translates the reader’s formula to torch, or leaves a line to fill in', () => {
    expect(gradientCode(readSettings({ act: 'yours', fx: 'max(0.1*a, a)' }))).toContain('f = lambda a: torch.maximum(0.1 * a, a)');
    expect(gradientCode(readSettings({ act: 'yours', fx: 'sin(a)' }))).toContain('f = lambda a: torch.sin(a)');
  });
});

describe('the eigenvalue plane', () => {
  it('places the same eigenvalues as W_hh’s, the largest on the circle of radius ρ', () => {
    const settings = readSettings({ rho: 1.5, H: 8, seed: 3 });
    const view = eigenView(settings);
    if (!view.ok) throw new Error(view.message);
    const matrix = recurrentMatrix(createRandom(3), 8, 1.5)!;
    expect(view.dots).toHaveLength(8);
    view.dots.forEach((dot, i) => {
      expect(dot.x).toBeCloseTo(PLANE_SIZE / 2 + matrix.eigenvalues[i]!.re * view.scale, 9);
      expect(dot.y).toBeCloseTo(PLANE_SIZE / 2 - matrix.eigenvalues[i]!.im * view.scale, 9);
    });
    expect(view.dots[0]!.modulus).toBeCloseTo(1.5, 12);
    expect(view.outside).toBe(view.dots.filter((dot) => dot.modulus > 1).length);
    expect(view.extent).toBeCloseTo(1.5 * 1.15, 12);
  });

  it('defaults: ρ = 0.9, none outside the unit circle; labels read a ± bi', () => {
    const view = eigenView(readSettings({}));
    if (!view.ok) throw new Error(view.message);
    expect(view.rho).toBe(0.9);
    expect(view.outside).toBe(0);
    expect(view.spectralNorm).toBeCloseTo(1.43851, 4);
    expect(eigenLabel(0.5, -0.25)).toBe('0.5 − 0.25i');
    expect(eigenLabel(-2, 0)).toBe('−2');
  });
});

describe('RHO_SCALE (the kit Slider on a log scale)', () => {
  it('maps positions 0, 100 and 200 to ρ = 0.1, 1 and 10, reads every ρ back to its position, and speaks "ρ = …"', () => {
    expect([0, 100, 200].map(RHO_SCALE.toValue)).toEqual([0.1, 1, 10]);
    for (let position = RHO_SCALE.min; position <= RHO_SCALE.max; position++) expect(RHO_SCALE.toPosition(RHO_SCALE.toValue(position))).toBe(position);
    expect(RHO_SCALE.valueText?.(0.9)).toBe('ρ = 0.9');
  });
});
