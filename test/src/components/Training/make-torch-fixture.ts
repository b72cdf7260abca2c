/**
 * Writes torch-runs.json: the chapter's PyTorch block (src/components/Training/pytorch-code.ts) for a few
 * settings, run by PyTorch 1.13 (Debian's python3-torch), with what it printed. training.test.ts checks the
 * widgets' numbers against these prints. Run from the repository root:
 *
 *   node test/src/components/Training/make-torch-fixture.ts
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { trainingCode } from '../../../../src/components/Training/pytorch-code.ts';

const runs: { name: string; values: Record<string, string | number> }[] = [
  { name: 'defaults', values: {} },
  { name: 'sum, seed 42', values: { word: "ab'cab", H: 5, lr: 0.3, reduction: 'sum', k: 7, seed: 42 } },
];
const out = runs.map(({ name, values }) => {
  const code = trainingCode(values)!;
  const stdout = execFileSync('/usr/bin/python3', ['-c', code], { encoding: 'utf8' });
  return { name, values, stdout };
});
const torchVersion = execFileSync('/usr/bin/python3', ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' }).trim();
writeFileSync(new URL('./torch-runs.json', import.meta.url), `${JSON.stringify({ torch: torchVersion, runs: out }, null, 2)}\n`);
console.log(`wrote torch-runs.json (torch ${torchVersion})`);
