/**
 * Regenerates torch-reference.json: runs the code the chapter's PyTorch block shows, for two cases,
 * in PyTorch, and stores every h_t it prints. Needs Debian's python3-torch (PyTorch 1.13) as /usr/bin/python3:
 *
 *   node_modules/.bin/node test/src/components/UnrolledRnn/torch-reference.gen.ts
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { pytorchCode } from '../../../../src/components/UnrolledRnn/pytorch-code.ts';
import { createWidgetRnn } from '../../../../src/components/UnrolledRnn/unrolled-rnn.ts';
import { tokenize } from '../../../../src/components/UnrolledRnn/tokens.ts';
import { TORCH_CASES } from './torch-cases.ts';

const results = TORCH_CASES.map((c) => {
  const code = `${pytorchCode(tokenize(c.sentence).tokens, c.setup, createWidgetRnn(c.setup), c.step)}\nimport json\nprint('H_T', json.dumps(output[:, 0].tolist()))\nprint('TORCH', torch.__version__)\n`;
  const printed = execFileSync('/usr/bin/python3', ['-'], { input: code, encoding: 'utf8' });
  const line = (tag: string) => printed.split('\n').find((l) => l.startsWith(`${tag} `))!.slice(tag.length + 1);
  return { ...c, torch: line('TORCH'), h: JSON.parse(line('H_T')) as number[][] };
});
writeFileSync(new URL('./torch-reference.json', import.meta.url), `${JSON.stringify(results, null, 1)}\n`);
