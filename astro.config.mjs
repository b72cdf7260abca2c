// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import svelte from '@astrojs/svelte';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { unified } from '@astrojs/markdown-remark';
import { remarkEquations } from './src/kit/remark-equations.ts';
import { onnxruntimeFiles } from './src/integrations/onnxruntime-files.ts';
import { CSP_DIRECTIVES, SCRIPT_RESOURCES_EVERY_PAGE, STYLE_RESOURCES } from './src/integrations/csp/policy.ts';
import { starlightInlineScriptHashes } from './src/integrations/csp/starlight-inline-scripts.ts';
import { cspAudit } from './src/integrations/csp/audit-integration.ts';
import { cspNginx } from './src/integrations/csp/nginx-integration.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';

/** The one setting for hosting under a sub-path: SITE_BASE=/course/rnn/ npm run build */
const base = process.env.SITE_BASE ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  // A strict Content-Security-Policy on every page (src/integrations/csp/policy.ts; docs/security.md). Astro hashes the scripts and styles it bundles; Starlight's own
  // inline scripts are hashed from its installed sources; cspAudit() fails the build on anything else.
  security: {
    csp: {
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { resources: [...SCRIPT_RESOURCES_EVERY_PAGE], hashes: starlightInlineScriptHashes() },
      styleDirective: { resources: [...STYLE_RESOURCES] },
    },
  },
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
      // English at the root URLs; the Chinese edition under zh-cn/. A page missing in zh-cn falls
      // back to the English text with Starlight's "not translated yet" notice.
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      components: { Sidebar: './src/overrides/Sidebar.astro', Footer: './src/overrides/Footer.astro' },
      routeMiddleware: './src/integrations/csp/route-middleware.ts',
      head: [
        // Keyboard access to equations and tables that scroll sideways on narrow screens.
        { tag: 'script', attrs: { type: 'module', src: `${base.replace(/\/?$/, '/')}scripts/focusable-overflow.js` } },
      ],
      customCss: ['katex/dist/katex.min.css', './src/styles/unrolled.css', './src/styles/print.css'],
      sidebar: [
        { label: 'Start here', translations: { 'zh-CN': '从这里开始' }, items: [{ slug: 'index' }] },
        {
          label: 'Chapters',
          translations: { 'zh-CN': '章节' },
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
        { label: 'Reference', translations: { 'zh-CN': '参考' }, items: [{ slug: 'notation' }, { slug: 'g2p-model-card' }] },
        { label: 'For instructors', translations: { 'zh-CN': '教师指南' }, items: [{ slug: 'authoring' }] },
      ],
    }),
    svelte(),
    onnxruntimeFiles(),
    cspAudit(),
    cspNginx(), // dist/nginx-csp.conf: the same policy as nginx headers (docs/deploying.md)
    serviceWorker(), // last: it lists every file the others wrote
  ],
});
