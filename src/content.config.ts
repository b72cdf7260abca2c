import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';
import { variablesSchema } from './kit/variables-schema.ts';

/**
 * The chapter collection: MDX pages under the top-level content/docs folder. Besides Starlight's
 * fields, a page may declare `variables:`, the values its widgets share (see the authoring guide), and
 * `webAssembly: true` when it runs a model on onnxruntime-web (its CSP then allows compiling WebAssembly).
 */
export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: '**/*.{md,mdx}', base: './content/docs' }),
    schema: docsSchema({ extend: z.object({ variables: variablesSchema, webAssembly: z.boolean().optional() }) }),
  }),
};
