/** The whole-course list: which build files it stores, at which URLs, in which order, and the total. */
import { describe, expect, it } from 'vitest';
import { offlineManifest, urlOfBuildFile } from '../../../src/integrations/offline-manifest.ts';

describe('urlOfBuildFile', () => {
  it('requests folder pages with their trailing slash, under the base', () => {
    expect(urlOfBuildFile('index.html', '/')).toBe('/');
    expect(urlOfBuildFile('bptt/index.html', '/')).toBe('/bptt/');
    expect(urlOfBuildFile('zh-cn/bptt/index.html', '/course/rnn/')).toBe('/course/rnn/zh-cn/bptt/');
    expect(urlOfBuildFile('index.html', '/course/rnn')).toBe('/course/rnn/');
  });

  it('keeps other files as they are', () => {
    expect(urlOfBuildFile('_astro/page.abc.js', '/course/rnn/')).toBe('/course/rnn/_astro/page.abc.js');
    expect(urlOfBuildFile('models/g2p/encoder.onnx', '/')).toBe('/models/g2p/encoder.onnx');
  });
});

describe('offlineManifest', () => {
  const files = [
    { path: '_astro/page.abc.js', bytes: 10 },
    { path: 'sw.js', bytes: 5 },
    { path: 'offline-manifest.json', bytes: 7 },
    { path: '404.html', bytes: 3 },
    { path: 'nginx-csp.conf', bytes: 4 },
    { path: '_astro/page.abc.js.map', bytes: 99 },
    { path: 'zh-cn/gating/index.html', bytes: 20 },
    { path: 'data/names.json', bytes: 30 },
    { path: 'index.html', bytes: 40 },
    { path: 'pagefind/pagefind.js', bytes: 50 },
  ];

  it('lists pages first, then the other files, each by path, leaving out the worker, itself, maps, 404 and the nginx CSP map', () => {
    const manifest = offlineManifest(files, '/course/rnn/');
    expect(manifest.entries.map((entry) => entry.url)).toEqual([
      '/course/rnn/',
      '/course/rnn/zh-cn/gating/',
      '/course/rnn/_astro/page.abc.js',
      '/course/rnn/data/names.json',
      '/course/rnn/pagefind/pagefind.js',
    ]);
  });

  it('adds up the sizes of what it lists', () => {
    const manifest = offlineManifest(files, '/');
    expect(manifest.entries.find((entry) => entry.url === '/data/names.json')?.bytes).toBe(30);
    expect(manifest.totalBytes).toBe(10 + 20 + 30 + 40 + 50);
  });

  it('is empty for an empty build', () => {
    expect(offlineManifest([], '/')).toEqual({ entries: [], totalBytes: 0 });
  });
});
