/**
 * The built site's pages, discovered from the build output so that a new chapter is covered by
 * every generic browser test without touching a spec.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One built page: where it lives in the build and how a spec navigates to it. */
export interface SitePage {
  /** Relative URL without a leading slash, for `page.goto` against the project's baseURL ('' is the home page). */
  readonly path: string;
  /** A readable name for test titles. */
  readonly name: string;
  /** The chapter source in content/docs, when there is one. */
  readonly source: string | null;
}

/** Every .html file under `dir`, as paths relative to it with '/' separators. */
function htmlFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) found.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** The content/docs source of a page's slug, or null (the 404 page, generated pages). */
function sourceOf(slug: string): string | null {
  const stem = slug === '' ? 'index' : slug.replace(/\/$/, '');
  const candidates = [`${stem}.mdx`, `${stem}.md`, `${stem}/index.mdx`, `${stem}/index.md`];
  const match = candidates.map((name) => join('content/docs', name)).find((file) => existsSync(file));
  return match ?? null;
}

/** The root build's folder: dist/, or E2E_DIST (to test a build made elsewhere). */
export const ROOT_BUILD = process.env.E2E_DIST ?? 'dist';
/** The sub-path build's folder: dist-sub/, or E2E_DIST_SUB. */
export const SUB_BUILD = process.env.E2E_DIST_SUB ?? 'dist-sub';

/** The pages of the build in `dir` (by default the root build); throws when it has not been built. */
export function sitePages(dir = ROOT_BUILD): SitePage[] {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: build the site first (npm run test:e2e builds both dist/ and dist-sub/)`);
  }
  return htmlFiles(dir).map((file) => {
    const path = file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
    return { path, name: path === '' ? '(home)' : path, source: sourceOf(path) };
  });
}

/** True when a Markdown/MDX source holds $inline$ or $$display$$ math outside code. */
export function sourceHasMath(source: string): boolean {
  const text = readFileSync(source, 'utf8')
    .replace(/^---\n[\s\S]*?\n---\n/, '') // frontmatter
    .replace(/```[\s\S]*?```/g, '') // fenced code
    .replace(/`[^`\n]*`/g, ''); // inline code
  return /\$\$[\s\S]+?\$\$/.test(text) || /(?<![\\$])\$(?!\s)[^$\n]+?(?<!\s)\$(?!\$)/.test(text);
}
