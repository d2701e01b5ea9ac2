import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Builds subgraphs/safety/waybill/dangerous-goods-list.json, the dangerous goods list waybills are checked
// against, from the US Hazardous Materials Table, 49 CFR 172.101 (a work of the US Government, in the public
// domain). Its UN numbers, classes/divisions and packing groups follow the UN Model Regulations' Dangerous
// Goods List, which GB 12268-2012 (危险货物品名表) also follows.
//
// How the shipped file was produced (the input stays out of the repository, under /tmp):
//
//   1. The table as machine-readable records: hazmat.json of the public repository 5w311/HazPost, commit
//      f8e8acc50f27245f4beec3fcca4c89795fc21789, generated 2026-08-13 from the eCFR versioner API
//      (https://www.ecfr.gov/api/versioner/v1/full/2026-08-07/title-49.xml?part=172&section=172.101): one
//      record per entry of the table that has an identification number (column 4), with column 2 (name),
//      column 3 (class or division, subsidiary hazards in parentheses) and column 5 (packing groups, rows of
//      one entry that differ only in packing group joined as "I, II, III"; "—" for none). Only these facts are
//      taken, never that repository's code.
//   2. npm run -s build && node dist/scripts/dangerous-goods/convert-hmt.js /tmp/dglist/hazmat.json
//
// The conversion keeps UN numbers only (NA and ID numbers are US-domestic; Forbidden entries carry no number),
// keeps the primary class or division alone, strips the compatibility group of explosives (1.1D -> 1.1, as GB
// 6944 waybills state the division) and writes one row per (UN number, name, class, packing group).

const OUTPUT = join(__dirname, '..', '..', '..', 'subgraphs', 'safety', 'waybill', 'dangerous-goods-list.json');

/** GB 6944-2012 classes and divisions, the only values a row may carry. */
const GB6944_CLASSES = new Set([
  ...['1.1', '1.2', '1.3', '1.4', '1.5', '1.6'],
  ...['2.1', '2.2', '2.3', '3', '4.1', '4.2', '4.3', '5.1', '5.2', '6.1', '6.2', '7', '8', '9'],
]);
const PACKING_GROUPS = new Set(['I', 'II', 'III']);

interface HmtRecord {
  un: string;
  pfx: string;
  name: string;
  cls: string;
  pg: string;
}

interface HmtFile {
  source: string;
  cfrDate: string;
  records: HmtRecord[];
}

type Row = [unNumber: string, name: string, hazardClass: string, packingGroup: string];

function hazardClass(record: HmtRecord): string {
  const primary = record.cls
    .split('(')[0]
    .trim()
    .replace(/^(1\.[1-6])[A-S]$/, '$1');
  if (!GB6944_CLASSES.has(primary)) throw new Error(`UN${record.un}: class "${record.cls}" is not a GB 6944 class`);
  return primary;
}

function packingGroups(record: HmtRecord): string[] {
  if (record.pg === '—' || record.pg === '') return [''];
  const groups = record.pg.split(',').map((group) => group.trim());
  for (const group of groups) {
    if (!PACKING_GROUPS.has(group)) throw new Error(`UN${record.un}: packing group "${record.pg}" not understood`);
  }
  return groups;
}

function convert(input: HmtFile): Row[] {
  const seen = new Set<string>();
  const rows: Row[] = [];
  for (const record of input.records) {
    if (record.pfx !== 'UN') continue;
    if (!/^\d{4}$/.test(record.un)) throw new Error(`UN number "${record.un}" is not four digits`);
    const name = record.name.replace(/\s+/g, ' ').trim();
    for (const group of packingGroups(record)) {
      const row: Row = [`UN${record.un}`, name, hazardClass(record), group];
      const key = row.join('\t');
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(row);
    }
  }
  const order = ['', 'I', 'II', 'III'];
  return rows.sort(
    (a, b) =>
      a[0].localeCompare(b[0]) ||
      a[1].localeCompare(b[1]) ||
      a[2].localeCompare(b[2]) ||
      order.indexOf(a[3]) - order.indexOf(b[3]),
  );
}

/** One row a line, so a new edition of the table reads as a diff of the entries it changed. */
function serialise(cfrDate: string, rows: Row[]): string {
  const header = {
    source:
      `US Hazardous Materials Table, 49 CFR 172.101 (Title 49 Code of Federal Regulations, Part 172, ` +
      `§ 172.101), eCFR text current as of ${cfrDate}; a work of the US Government, in the public domain.`,
    conversion:
      'scripts/dangerous-goods/convert-hmt.ts: UN-numbered entries only (NA/ID numbers and Forbidden entries ' +
      'dropped), primary class or division with the compatibility group of explosives stripped, one row per ' +
      'packing group; the name is column 2 as printed (proper shipping name with any qualifying text).',
    unNumbers: new Set(rows.map((row) => row[0])).size,
    columns: ['unNumber', 'name', 'hazardClass', 'packingGroup'],
  };
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  const body = rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
  return `${head},\n  "entries": [\n${body}\n  ]\n}\n`;
}

function main(): void {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: node dist/scripts/dangerous-goods/convert-hmt.js <hazmat.json>');
    process.exit(2);
  }
  const input = JSON.parse(readFileSync(path, 'utf8')) as HmtFile;
  if (!input.source.includes('172.101')) throw new Error(`${path} is not the 49 CFR 172.101 table`);
  const rows = convert(input);
  writeFileSync(OUTPUT, serialise(input.cfrDate, rows));
  console.log(`${rows.length} rows, ${new Set(rows.map((row) => row[0])).size} UN numbers -> ${OUTPUT}`);
}

main();
