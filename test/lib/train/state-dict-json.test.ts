/**
 * State-dict JSON export and import (lib/train/state-dict-json.ts). The committed fixtures in
 * test/fixtures/state-dict/ were loaded into PyTorch 1.13 by scripts/check_state_dict_snippet.py with
 * the page's own snippet, and torch's logits matched the core's to 1e-6 (measured 2.2e-16); here we
 * check the exporter still writes exactly those files, and that bad files are refused by name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinear } from '../../../lib/nn/linear.ts';
import { createRecurrent } from '../../../lib/nn/recurrent.ts';
import { createRandom } from '../../../lib/random.ts';
import { exportStateDict, importStateDict } from '../../../lib/train/state-dict-json.ts';
import { FIXTURE_DIR, FIXTURE_KINDS, fixtureFor } from '../../fixtures/state-dict/fixture-models.ts';

describe('fixtures', () => {
  for (const kind of FIXTURE_KINDS) {
    it(`${kind}: the exporter still writes the committed file and check`, () => {
      const { exported, check } = fixtureFor(kind);
      expect(JSON.parse(readFileSync(join(FIXTURE_DIR, check.file), 'utf8'))).toEqual(JSON.parse(JSON.stringify(exported)));
      expect(JSON.parse(readFileSync(join(FIXTURE_DIR, check.file.replace('.json', '.check.json')), 'utf8'))).toEqual(JSON.parse(JSON.stringify(check)));
      expect(check.snippet.split('\n').length).toBeLessThanOrEqual(5);
    });
  }
});

function fresh(kind: 'LSTM' | 'GRU' = 'LSTM', hiddenSize = 3, seed = 1) {
  const random = createRandom(seed);
  return { model: createRecurrent(kind, { inputSize: 2, hiddenSize, random }), head: createLinear(hiddenSize, 4, { random }) };
}

describe('export and import', () => {
  const source = fresh('LSTM', 3, 1);
  const json = exportStateDict(source.model, source.head, { task: 'names', readout: 'every-step' });

  it('writes PyTorch keys, the fc. head and the metadata', () => {
    expect(Object.keys(json.state_dict)).toEqual(['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'fc.weight', 'fc.bias']);
    expect(json.metadata).toEqual({ kind: 'LSTM', input_size: 2, hidden_size: 3, output_size: 4, task: 'names', readout: 'every-step' });
    expect((json.state_dict['weight_ih_l0'] as number[][]).length).toBe(12);
  });

  it('round-trips: an import into another model makes it equal', () => {
    const target = fresh('LSTM', 3, 99);
    const result = importStateDict(JSON.stringify(json), target.model, target.head);
    expect(result.ok).toBe(true);
    expect(exportStateDict(target.model, target.head, { task: 'names', readout: 'every-step' })).toEqual(json);
  });

  const cases: [string, string, string | RegExp][] = [
    ['not JSON', 'hello', 'The file is not JSON.'],
    ['another format', JSON.stringify({ weights: [] }), 'not a state dict from this page'],
    ['another version', JSON.stringify({ ...json, version: 2 }), 'version 2'],
    ['no state_dict', JSON.stringify({ ...json, state_dict: null }), 'lacks its "metadata" or "state_dict"'],
    ['another kind', JSON.stringify({ ...json, metadata: { ...json.metadata, kind: 'GRU' } }), 'The file holds a GRU; the page\'s model is an LSTM'],
    ['another hidden size', JSON.stringify({ ...json, metadata: { ...json.metadata, hidden_size: 5 } }), 'hidden size is 5'],
    ['another task size', JSON.stringify({ ...json, metadata: { ...json.metadata, input_size: 9 } }), 'reads 9 inputs'],
    ['a wrong key', JSON.stringify({ ...json, state_dict: { ...json.state_dict, 'weight_ih_l1': [[1]] } }), 'unexpected key(s) in state dict: weight_ih_l1'],
    ['a missing key', JSON.stringify({ ...json, state_dict: { ...json.state_dict, bias_hh_l0: undefined } }), 'missing key(s) in state dict: bias_hh_l0'],
    ['a missing head key', JSON.stringify({ ...json, state_dict: { ...json.state_dict, 'fc.bias': undefined } }), 'Missing key(s) in state dict: fc.bias'],
    ['an extra head key', JSON.stringify({ ...json, state_dict: { ...json.state_dict, 'fc.scale': [1] } }), 'Unexpected key(s) in state dict: fc.scale'],
    ['a wrong shape', JSON.stringify({ ...json, state_dict: { ...json.state_dict, weight_hh_l0: [[1, 2], [3, 4]] } }), 'weight_hh_l0 has shape [2, 2], expected [12, 3]'],
    ['a wrong head shape', JSON.stringify({ ...json, state_dict: { ...json.state_dict, 'fc.weight': [[1, 2, 3]] } }), 'fc.weight has shape [1, 3], expected [4, 3]'],
    ['a string entry', JSON.stringify({ ...json, state_dict: { ...json.state_dict, 'fc.bias': ['a', 'b', 'c', 'd'] } }), 'fc.bias[0] is not a number'],
  ];
  for (const [what, text, message] of cases) {
    it(`refuses ${what}, saying so, and changes nothing`, () => {
      const target = fresh('LSTM', 3, 5);
      const before = exportStateDict(target.model, target.head, { task: 'x', readout: 'every-step' });
      const result = importStateDict(text, target.model, target.head);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain(message);
      expect(exportStateDict(target.model, target.head, { task: 'x', readout: 'every-step' })).toEqual(before);
    });
  }
});
