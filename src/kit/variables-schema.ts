import { z } from 'astro/zod';
import { RESERVED_NAMES } from './formula-names.ts';
import { cleanText, type VariableSpec } from './variables.ts';

const name = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*$/, 'a variable name is letters and digits, starting with a letter (it is also its URL key)')
  .refine((n) => !RESERVED_NAMES.has(n), { message: 'this name is a formula function or constant; choose another' });

const numberVariable = z
  .object({
    type: z.literal('number').default('number'),
    label: z.string(),
    tex: z.string().optional(),
    default: z.number(),
    min: z.number(),
    max: z.number(),
    step: z.number().positive().default(1),
  })
  .strict()
  .refine((v) => v.min <= v.default && v.default <= v.max, { message: 'default must lie between min and max' });

const booleanVariable = z
  .object({ type: z.literal('boolean'), label: z.string(), tex: z.string().optional(), default: z.boolean().default(false) })
  .strict();

const choiceVariable = z
  .object({
    type: z.literal('choice'),
    label: z.string(),
    tex: z.string().optional(),
    options: z.record(z.string(), z.number()),
    default: z.string(),
  })
  .strict()
  .refine((v) => Object.hasOwn(v.options, v.default), { message: 'default must be one of the options' });

const textVariable = z
  .object({
    type: z.literal('text'),
    label: z.string(),
    tex: z.string().optional(),
    default: z.string().default(''),
    /** The most characters the text holds; longer text from the reader or the URL is cut. */
    maxLength: z.number().int().positive().max(10_000).default(200),
  })
  .strict()
  .refine((v) => cleanText(v.default, v.maxLength).text === v.default, {
    message: 'default must fit in maxLength and hold no control characters (tab and newline are fine)',
  });

/**
 * The `variables:` frontmatter field: name → declaration. Validated at build time, so a typo
 * fails the build with a message instead of breaking a widget.
 */
export const variablesSchema = z
  .record(name, z.union([booleanVariable, choiceVariable, textVariable, numberVariable]))
  .default({})
  .transform((raw) => {
    const specs: Record<string, VariableSpec> = {};
    for (const [key, spec] of Object.entries(raw)) specs[key] = { ...spec, tex: spec.tex ?? key } as VariableSpec;
    return specs;
  });
