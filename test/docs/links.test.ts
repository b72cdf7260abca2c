/**
 * The README and docs/: every relative link (and #anchor) points at a file and heading that exist,
 * the README stays a front page (≤ 200 lines), and no CSP hash is pasted into documentation (the
 * nginx map is a build output, dist/nginx-csp.conf).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOCS = ['README.md', ...readdirSync('docs').filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

/** A Markdown file's text without fenced code blocks (links and headings there are examples). */
function prose(file: string): string {
  return readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
}

/** GitHub's anchors for a file's headings (github-slugger's rule: lower case, punctuation dropped, spaces to hyphens). */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const [, heading] of prose(file).matchAll(/^#{1,6}\s+(.+?)\s*$/gm)) {
    const slug = heading!.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    found.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return found;
}

/** Every relative link target in a file: [text](target), outside code blocks and inline code. */
function relativeLinks(file: string): string[] {
  const text = prose(file).replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/i.test(target));
}

describe.each(DOCS)('%s', (file) => {
  it('links only to files and headings that exist', () => {
    for (const target of relativeLinks(file)) {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const resolved = path === '' ? file : normalize(join(dirname(file), path));
      expect(existsSync(resolved), `${file} → ${target}`).toBe(true);
      if (anchor !== undefined && resolved.endsWith('.md')) expect(anchors(resolved), `${file} → ${target}`).toContain(anchor);
    }
  });
  it('holds no CSP hash (the nginx map is a build output)', () => {
    expect(readFileSync(file, 'utf8')).not.toMatch(/'sha256-[A-Za-z0-9+/=]{20,}'/);
  });
});

describe('the README', () => {
  it('is a front page of at most 200 lines that links to every guide in docs/', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(200);
    for (const guide of DOCS.filter((doc) => doc.startsWith('docs/'))) expect(relativeLinks('README.md'), guide).toContain(guide);
  });
});
