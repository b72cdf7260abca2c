/**
 * Numbered equations for Markdown/MDX: a display formula containing \label{key} gets the next
 * number (shown with KaTeX's \tag) and an anchor id="eq-key"; $\eqref{key}$ in the text becomes a
 * link "(n)" to it. An \eqref to a label that does not exist fails the build with its name.
 */

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
  data?: Record<string, unknown>;
}

const LABEL = /\\label\{([A-Za-z0-9:_-]+)\}/;
const EQREF = /^\s*\\(?:eq)?ref\{([A-Za-z0-9:_-]+)\}\s*$/;

function walk(node: MdNode, visit: (node: MdNode, parent: MdNode | undefined, index: number) => void, parent?: MdNode, index = 0): void {
  visit(node, parent, index);
  node.children?.forEach((child, i) => walk(child, visit, node, i));
}

/** The anchor id of an equation label. */
export function equationId(key: string): string {
  return `eq-${key}`;
}

/** Number labelled display equations and turn $\eqref{key}$ into links; a remark plugin. */
export function remarkEquations() {
  return (root: unknown, file: { path?: string }) => {
    const tree = root as MdNode;
    const numbers = new Map<string, number>();
    const anchors: { parent: MdNode; index: number; key: string }[] = [];
    walk(tree, (node, parent, index) => {
      if (node.type !== 'math' || !node.value || !parent) return;
      const match = LABEL.exec(node.value);
      if (!match) return;
      const key = match[1]!;
      if (numbers.has(key)) throw new Error(`${file.path ?? ''}: equation label "${key}" is used twice.`);
      numbers.set(key, numbers.size + 1);
      node.value = node.value.replace(LABEL, `\\tag{${numbers.size}}`);
      // remark-math also keeps the TeX in the hast it hands to rehype-katex; keep the two in step.
      node.data = {
        ...node.data,
        hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value: node.value }] }],
      };
      anchors.push({ parent, index, key });
    });
    // Insert anchors from the last to the first so earlier indices stay right.
    for (const { parent, index, key } of anchors.reverse()) {
      parent.children!.splice(index, 0, { type: 'equationAnchor', data: { hName: 'span', hProperties: { id: equationId(key), className: ['unrolled-equation-anchor'] } }, children: [] });
    }
    walk(tree, (node, parent, index) => {
      if (node.type !== 'inlineMath' || !node.value || !parent) return;
      const match = EQREF.exec(node.value);
      if (!match) return;
      const key = match[1]!;
      const number = numbers.get(key);
      if (number === undefined) throw new Error(`${file.path ?? ''}: \\eqref{${key}} refers to no \\label{${key}} on this page.`);
      parent.children![index] = { type: 'link', url: `#${equationId(key)}`, children: [{ type: 'text', value: `(${number})` }], data: { hProperties: { className: ['unrolled-eqref'] } } };
    });
  };
}
