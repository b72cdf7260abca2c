/** Build-time helpers for the MDX wrappers: the page's declared variables, and clear errors for authoring mistakes. */
import type { VariableSpec, VariableSpecs } from '../variables.ts';

/** The `variables:` of the page being rendered (Starlight puts the page's entry on Astro.locals). */
export function pageSpecs(locals: App.Locals): VariableSpecs {
  try {
    const data = locals.starlightRoute.entry.data as { variables?: VariableSpecs };
    return data.variables ?? {};
  } catch {
    return {};
  }
}

/** Fail the build, with the fix in the message, when a widget names a variable the page has not declared (or of the wrong kind). */
export function requireVariable(specs: VariableSpecs, name: string, type: VariableSpec['type'], component: string): void {
  const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
  if (!spec) {
    const known = Object.keys(specs);
    throw new Error(
      `<${component} name="${name}">: this page declares no variable "${name}". ` +
        (known.length ? `It declares ${known.join(', ')}.` : 'Add a `variables:` block to the frontmatter (see the authoring guide).'),
    );
  }
  if (spec.type !== type) throw new Error(`<${component} name="${name}">: "${name}" is a ${spec.type} variable; <${component}> needs a ${type} one.`);
}
