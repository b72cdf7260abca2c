/**
 * The gradient map off the main thread, for settings too heavy to compute while a slider moves (long sequences,
 * wide states, a reader formula). It receives { id, settings }, reports each phase as it starts, then the view.
 */
import type { GradientPhase } from './gradient-map.ts';
import { gradientView, type GradientView } from './gradient-view.ts';
import type { PageSettings } from './page-settings.ts';

/** A request: compute the view for these settings. */
export interface GradientRequest {
  readonly id: number;
  readonly settings: PageSettings;
}

/** A reply: a phase started, or the finished view. */
export type GradientReply = { readonly id: number; readonly phase: GradientPhase } | { readonly id: number; readonly view: GradientView };

const scope = self as unknown as { onmessage: ((event: MessageEvent<GradientRequest>) => void) | null; postMessage(reply: GradientReply): void };

scope.onmessage = (event) => {
  const { id, settings } = event.data;
  const view = gradientView(settings, (phase) => scope.postMessage({ id, phase }));
  scope.postMessage({ id, view });
};
