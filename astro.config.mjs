// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import svelte from '@astrojs/svelte';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { unified } from '@astrojs/markdown-remark';
import { remarkEquations } from './src/kit/remark-equations.ts';
import { onnxruntimeFiles } from './src/integrations/onnxruntime-files.ts';

/** The one setting for hosting under a sub-path: SITE_BASE=/course/rnn/ npm run build */
const base = process.env.SITE_BASE ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath, remarkEquations],
      rehypePlugins: [[rehypeKatex, { trust: false, strict: 'ignore' }]],
    }),
  },
  integrations: [
    starlight({
      title: 'Unrolled',
      description: 'An interactive course on recurrent neural networks.',
      head: [
        // Keyboard access to equations and tables that scroll sideways on narrow screens.
        { tag: 'script', attrs: { type: 'module', src: `${base.replace(/\/?$/, '/')}scripts/focusable-overflow.js` } },
      ],
      customCss: ['katex/dist/katex.min.css', './src/styles/unrolled.css'],
      sidebar: [
        { label: 'Start here', items: [{ slug: 'index' }] },
        {
          label: 'Chapters',
          items: [
            { slug: 'why-sequences' },
            { slug: 'text-to-vectors' },
            { slug: 'parameters' },
            { slug: 'forward-pass' },
            { slug: 'serial-vs-parallel' },
            { slug: 'training' },
            { slug: 'bptt' },
            { slug: 'remedies' },
            { slug: 'gating' },
            { slug: 'train-in-browser' },
            { slug: 'pronounce' },
          ],
        },
        { label: 'Reference', items: [{ slug: 'notation' }, { slug: 'g2p-model-card' }] },
        { label: 'For instructors', items: [{ slug: 'authoring' }] },
      ],
    }),
    svelte(),
    onnxruntimeFiles(),
  ],
});
