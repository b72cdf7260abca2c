/**
 * The page's one G2P model, shared by every widget of chapter 11. Each widget is its own island, but they
 * share this module, so one ModelSession (the kit's reactive loader state) serves them all: the first
 * widget shows the loader, and the others read the same session.
 */
import { ModelSession } from '../../kit/onnx/model-session.svelte.ts';
import { G2P_FILES } from './g2p-files.ts';
import { g2pWarmUp } from './g2p-warm-up.ts';
import { g2pModelOf, type G2pModel } from './g2p-model.ts';

/** The session that loads the G2P files for the whole page; its warm-up times each backend on the model's real steps. */
export const g2pSession = new ModelSession([G2P_FILES.encoder, G2P_FILES.decoder, G2P_FILES.vocab], { warmUp: g2pWarmUp });

/** Either the ready model or the reason it is not usable (a vocabulary that does not parse). */
export type ReadyModel = { readonly model: G2pModel } | { readonly problem: string } | null;

const parsed = new WeakMap<object, ReadyModel>();

/** The model once the session is ready (null before); the same object for the same loaded files. */
export function readyModel(session: ModelSession): ReadyModel {
  if (session.phase !== 'ready' || !session.info) return null;
  const files = session.files;
  if (!parsed.has(files)) {
    try {
      parsed.set(files, { model: g2pModelOf(session.runners[G2P_FILES.encoder]!, session.runners[G2P_FILES.decoder]!, files[G2P_FILES.vocab]!, files[G2P_FILES.encoder]!, session.info) });
    } catch (error) {
      parsed.set(files, { problem: error instanceof Error ? error.message : String(error) });
    }
  }
  return parsed.get(files)!;
}
