/** The `variables:` frontmatter schema for text variables: defaults, limits and messages. */
import { describe, expect, it } from 'vitest';
import { variablesSchema } from '../../../src/kit/variables-schema.ts';

describe('text variables in frontmatter', () => {
  it('fills in maxLength 200, an empty default and tex', () => {
    expect(variablesSchema.parse({ sentence: { type: 'text', label: 'Your sentence' } })).toEqual({
      sentence: { type: 'text', label: 'Your sentence', tex: 'sentence', default: '', maxLength: 200 },
    });
  });
  it('keeps what the author wrote', () => {
    const parsed = variablesSchema.parse({ s: { type: 'text', label: 'S', default: 'the cat sat on the mat', maxLength: 40 } });
    expect(parsed.s).toMatchObject({ default: 'the cat sat on the mat', maxLength: 40 });
  });
  it.each([
    [{ type: 'text', label: 'S', default: 'too long', maxLength: 3 }, /fit in maxLength/],
    [{ type: 'text', label: 'S', default: 'bell\u0007' }, /control characters/],
    [{ type: 'text', label: 'S', maxLength: 0 }, /maxLength|too_small|>0|greater/i],
    [{ type: 'text', label: 'S', maxLength: 2.5 }, /int/i],
    [{ type: 'text', label: 'S', default: 3 }, /string|default/i],
    [{ type: 'text', label: 'S', pattern: 'x' }, /pattern|unrecognized/i],
  ])('rejects %j', (declaration, message) => {
    const result = variablesSchema.safeParse({ s: declaration });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(message);
  });
});
