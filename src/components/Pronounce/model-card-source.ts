/**
 * The model card's sources at build time: public/models/g2p/metrics.json and the model manifest. A glob, not an
 * import, so the site still builds (and the card says "not recorded") before the model's metrics exist.
 */
import type { G2pMetrics } from './model-card.ts';

const metricsFiles = import.meta.glob<G2pMetrics>('../../../public/models/g2p/metrics.json', { eager: true, import: 'default' });
const manifestFiles = import.meta.glob<{ files?: { path: string; bytes: number }[] }>('../../../public/models/manifest.json', { eager: true, import: 'default' });

/** metrics.json, or {} when it is missing. */
export const g2pMetrics: G2pMetrics = Object.values(metricsFiles)[0] ?? {};

/** The model manifest, or an empty one. */
export const modelManifest: { files?: { path: string; bytes: number }[] } = Object.values(manifestFiles)[0] ?? { files: [] };
