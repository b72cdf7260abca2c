/**
 * The page's shared state in the browser: one nanostores map of variable values that every island
 * on the page reads and writes (islands share this module), and the URL query kept in step with it.
 * Only the browser calls into this module; at build time widgets render their defaults.
 */
import { map } from 'nanostores';
import { URL_CHANGE_EVENT } from './url-change-event.ts';
import { readUrlState, writeUrlState } from './url-state.ts';
import { isValidValue, type VariableSpec, type VariableSpecs, type VariableValue } from './variables.ts';

/** Current values of the page's variables, by name. */
export const pageValues = map<Record<string, VariableValue>>({});

/** Functions readers typed into named FormulaCells, by cell name (numbers in, number out; NaN where the formula fails). */
export const readerFunctions = map<Record<string, (...values: number[]) => number>>({});

const declared = new Map<string, VariableSpec>();

/**
 * Make the page's variables known; the first island to hydrate does the work, the rest find it done.
 * Values come from the URL where it holds a valid one, else from the default.
 */
export function declarePageVariables(specs: VariableSpecs): void {
  const fresh = Object.entries(specs).filter(([name]) => !declared.has(name));
  if (fresh.length === 0) return;
  const fromUrl = typeof location === 'undefined' ? {} : readUrlState(specs, location.search);
  for (const [name, spec] of fresh) {
    declared.set(name, spec);
    pageValues.setKey(name, Object.hasOwn(fromUrl, name) ? fromUrl[name]! : spec.default);
  }
}

/** Set one variable, if the value is one it can hold; then mirror the page's state into the URL. Returns whether it was set. */
export function setPageValue(name: string, value: VariableValue): boolean {
  const spec = declared.get(name);
  if (!spec || !isValidValue(spec, value)) return false;
  if (pageValues.get()[name] !== value) pageValues.setKey(name, value);
  writeUrl();
  return true;
}

/** The shortest time between two URL writes. Browsers limit replaceState (Safari throws after 100 calls in 30 s), and typing or dragging sets a value many times a second. */
const URL_WRITE_INTERVAL_MS = 300;
let lastUrlWrite = -Infinity;
let pendingUrlWrite: ReturnType<typeof setTimeout> | undefined;

/** Mirror the page's state into the URL now, or once the interval has passed; the last state always lands. */
function writeUrl(): void {
  if (typeof history === 'undefined' || typeof location === 'undefined' || pendingUrlWrite !== undefined) return;
  const wait = lastUrlWrite + URL_WRITE_INTERVAL_MS - Date.now();
  if (wait <= 0) writeUrlNow();
  else pendingUrlWrite = setTimeout(writeUrlNow, wait);
}

function writeUrlNow(): void {
  if (pendingUrlWrite !== undefined) clearTimeout(pendingUrlWrite);
  pendingUrlWrite = undefined;
  lastUrlWrite = Date.now();
  const url = new URL(location.href);
  writeUrlState(url.searchParams, Object.fromEntries(declared), pageValues.get());
  try {
    if (url.href === location.href) return;
    history.replaceState(history.state, '', url);
    // replaceState fires no event; print captions (src/components/Print) show this URL and listen for this one.
    dispatchEvent(new Event(URL_CHANGE_EVENT));
  } catch {
    // A browser that refuses the write (rate limit, sandbox) leaves the old URL; the page itself is unaffected.
  }
}

// Leaving the page within the interval would drop the pending write; land it on the way out, so the history entry
// (and Back) holds the latest state. Printing within the interval would print the previous URL under the figures; land it before printing too.
if (typeof addEventListener === 'function') {
  const flush = () => {
    if (pendingUrlWrite !== undefined) writeUrlNow();
  };
  addEventListener('pagehide', flush);
  addEventListener('beforeprint', flush);
}
