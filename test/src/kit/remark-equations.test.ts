import { describe, expect, it } from 'vitest';
import { remarkEquations } from '../../../src/kit/remark-equations.ts';

type Node = { type: string; value?: string; url?: string; children?: Node[]; data?: Record<string, unknown> };

function doc(): Node {
  return {
    type: 'root',
    children: [
      { type: 'math', value: 'a = b \\label{first}' },
      { type: 'paragraph', children: [{ type: 'text', value: 'see ' }, { type: 'inlineMath', value: '\\eqref{second}' }] },
      { type: 'math', value: 'c = d\n\\label{second}' },
      { type: 'math', value: 'e = f' },
    ],
  };
}

describe('remarkEquations', () => {
  it('numbers labelled equations in order, anchors them, and links references', () => {
    const tree = doc();
    remarkEquations()(tree as never, {});
    const [anchor1, eq1, paragraph, anchor2, eq2, eq3] = tree.children!;
    expect(anchor1!.data).toMatchObject({ hName: 'span', hProperties: { id: 'eq-first' } });
    expect(eq1!.value).toBe('a = b \\tag{1}');
    expect(JSON.stringify(eq1!.data)).toContain('\\\\tag{1}');
    expect(anchor2!.data).toMatchObject({ hProperties: { id: 'eq-second' } });
    expect(eq2!.value).toBe('c = d\n\\tag{2}');
    expect(eq3!.value).toBe('e = f');
    expect(paragraph!.children![1]).toMatchObject({ type: 'link', url: '#eq-second', children: [{ type: 'text', value: '(2)' }] });
  });
  it('fails on a reference to a missing label, and on a label used twice', () => {
    const missing: Node = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'inlineMath', value: '\\eqref{nope}' }] }] };
    expect(() => remarkEquations()(missing as never, { path: 'x.mdx' })).toThrow(/\\eqref\{nope\}/);
    const twice: Node = { type: 'root', children: [{ type: 'math', value: '\\label{a}' }, { type: 'math', value: '\\label{a}' }] };
    expect(() => remarkEquations()(twice as never, {})).toThrow(/used twice/);
  });
});
