/**
 * The G2P warm-up the loader times per backend, on the committed model in Node (onnxruntime-web, WASM):
 * it runs the encoder once and WARM_UP_DECODER_STEPS decoder steps, feeding each step's argmax to the
 * next, so its first tokens are those of greedy decoding (lib/seq2seq, tested against PyTorch).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelRunner } from '../../../../lib/onnx/runner.ts';
import { G2P_FILES } from '../../../../src/components/Pronounce/g2p-files.ts';
import { WARM_UP_DECODER_STEPS, WARM_UP_WORD, g2pWarmUp } from '../../../../src/components/Pronounce/g2p-warm-up.ts';
import { decodeWord } from '../../../../src/components/Pronounce/word-decoding.ts';
import { loadCommittedModel } from './g2p-runners.ts';

describe('g2pWarmUp', () => {
  it('runs the encoder once and the decoder a few greedy steps, and says how many runs', async () => {
    const model = await loadCommittedModel();
    const fed: bigint[] = [];
    let encoderRuns = 0;
    const encoder: ModelRunner = { ...model.encoder, run: (feeds) => ((encoderRuns += 1), model.encoder.run(feeds)) };
    const decoder: ModelRunner = {
      ...model.decoder,
      run: (feeds) => (fed.push((feeds.token!.data as BigInt64Array)[0]!), model.decoder.run(feeds)),
    };
    const folder = new URL('../../../../public/models/g2p/', import.meta.url);
    const files = { [G2P_FILES.vocab]: new Uint8Array(readFileSync(new URL('vocab.json', folder))) };
    const runs = await g2pWarmUp({ [G2P_FILES.encoder]: encoder, [G2P_FILES.decoder]: decoder }, files);
    expect(runs).toBe(1 + WARM_UP_DECODER_STEPS);
    expect(encoderRuns).toBe(1);
    const greedy = await decodeWord(model, WARM_UP_WORD);
    if ('error' in greedy) throw new Error(greedy.error);
    const greedyIds = greedy.value.phonemes.map((symbol) => BigInt(model.vocab.phonemes.indexOf(symbol)));
    expect(fed).toEqual([BigInt(model.vocab.bos), ...greedyIds.slice(0, WARM_UP_DECODER_STEPS - 1)]);
  });
});
