/**
 * Code templates: source code with `{{name}}` slots that show a page variable's current value, as
 * PyTorchCode uses them. Substitution is one pass over the parsed template, so a value that itself
 * contains `{{…}}`, quotes or backticks is only ever text: it is never read as a slot or as markup.
 *
 *   {{H}}          H as Python source: 128, 0.05, True/False, a choice's option name, text as it is
 *   {{cell:value}} the number a choice (or boolean) stands for in formulas: 4, 1
 *   {{name:str}}   the value as a Python string literal, quoted and escaped: 'the cat sat'
 */
import { numericValue, type VariableSpec, type VariableSpecs, type VariableValue, type VariableValues } from './variables.ts';

/** How a slot shows its variable: as Python source, as its number in formulas, or as a quoted Python string. */
export type SlotFormat = 'python' | 'value' | 'str';

/** One piece of a parsed template: text to keep as it is, or a slot for a variable. */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'slot'; readonly name: string; readonly format: SlotFormat | undefined; readonly source: string };

const SLOT = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*(?::\s*([A-Za-z]*)\s*)?\}\}/g;
const FORMATS: Readonly<Record<string, SlotFormat>> = { value: 'value', str: 'str' };

/** Split a template into text and slots; a slot with an unknown `:format` has format undefined. */
export function parseCodeTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(SLOT)) {
    if (match.index > last) parts.push({ kind: 'text', text: template.slice(last, match.index) });
    const format = match[2] === undefined ? 'python' : Object.hasOwn(FORMATS, match[2]) ? FORMATS[match[2]] : undefined;
    parts.push({ kind: 'slot', name: match[1]!, format, source: match[0] });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ kind: 'text', text: template.slice(last) });
  return parts;
}

/** What is wrong with a template on a page with these variables, one sentence each (empty when nothing is). */
export function templateProblems(template: string, specs: VariableSpecs): string[] {
  const problems: string[] = [];
  const known = Object.keys(specs);
  for (const part of parseCodeTemplate(template)) {
    if (part.kind !== 'slot') continue;
    const spec = Object.hasOwn(specs, part.name) ? specs[part.name] : undefined;
    if (!spec) {
      problems.push(
        `${part.source} names no variable of this page: it declares ` +
          (known.length ? `${known.join(', ')}.` : 'none (add a `variables:` block to the frontmatter).'),
      );
    } else if (part.format === undefined) {
      problems.push(`${part.source} has an unknown format; write {{${part.name}}}, {{${part.name}:value}} or {{${part.name}:str}}.`);
    } else if (part.format === 'value' && spec.type === 'text') {
      problems.push(`${part.source}: "${part.name}" is a text variable and has no number; write {{${part.name}}} or {{${part.name}:str}}.`);
    }
  }
  return problems;
}

/** A number as Python source: the shortest form that reads back as the same number (128, 0.05, 1e-07 reads as 1e-7). */
export function pythonNumber(value: number): string {
  if (Number.isNaN(value)) return "float('nan')";
  if (!Number.isFinite(value)) return value > 0 ? "float('inf')" : "-float('inf')";
  return String(value); // String(-0) is '0'; never thousands separators
}

/** A text as a Python string literal, quoted and escaped the way Python's repr() does it. */
export function pythonString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\\') body += '\\\\';
    else if (char === quote) body += `\\${quote}`;
    else if (char === '\n') body += '\\n';
    else if (char === '\r') body += '\\r';
    else if (char === '\t') body += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) body += `\\x${code.toString(16).padStart(2, '0')}`;
    else body += char;
  }
  return quote + body + quote;
}

/** One variable's value as the slot shows it. */
export function slotText(spec: VariableSpec, value: VariableValue, format: SlotFormat): string {
  const current = typeof value === typeof spec.default ? value : spec.default;
  if (format === 'str') return pythonString(typeof current === 'boolean' ? (current ? 'True' : 'False') : String(current));
  if (format === 'value') return pythonNumber(numericValue(spec, current));
  if (spec.type === 'boolean') return current === true ? 'True' : 'False';
  if (spec.type === 'number') return pythonNumber(current as number);
  return String(current); // a choice's option name, or text as the reader typed it
}

/** Fill a template with the variables' current values. Slots the page cannot fill stay as written. */
export function fillCodeTemplate(template: string | readonly TemplatePart[], specs: VariableSpecs, values: VariableValues): string {
  const parts = typeof template === 'string' ? parseCodeTemplate(template) : template;
  let code = '';
  for (const part of parts) {
    if (part.kind === 'text') {
      code += part.text;
      continue;
    }
    const spec = Object.hasOwn(specs, part.name) ? specs[part.name]! : undefined;
    if (!spec || part.format === undefined || (part.format === 'value' && spec.type === 'text')) code += part.source;
    else code += slotText(spec, Object.hasOwn(values, part.name) ? values[part.name]! : spec.default, part.format);
  }
  return code;
}

/** Drop leading and trailing blank lines and the indentation all lines share, so code can sit indented in MDX. */
export function dedent(code: string): string {
  const lines = code.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && lines[0]!.trim() === '') lines.shift();
  while (lines.length && lines.at(-1)!.trim() === '') lines.pop();
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(Math.min(common, /^[ \t]*/.exec(line)![0].length))).join('\n');
}
