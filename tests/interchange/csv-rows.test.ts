import { describe, expect, it } from 'vitest';
import { csvRows, FileRefusal } from '../../src/interchange/csv-rows.js';
import { sniff } from '../../src/interchange/sniff.js';
import { fixtureText, readRows } from './fixtures.js';

const all = async (text: string, format: 'acled' | 'ucdp-ged') => {
  const items = [];
  for await (const item of csvRows([Buffer.from(text)], format)) items.push(item);
  return items;
};

describe('dataset files, streamed', () => {
  it('gives each row the line it starts on, a quoted line break included', async () => {
    const text = fixtureText('acled-mali.csv');
    const [header, ...rest] = text.split('\n');
    const multiline = rest[0]!.replace('then withdrew', 'then\nwithdrew');
    const items = await all([header, multiline, rest[1]].join('\n'), 'acled');
    expect(items.map((i) => ('row' in i ? i.line : -1))).toEqual([2, 4]);
  });

  it('refuses a wrongly delimited line and a truncated last line by line number, and reads the others', async () => {
    const items = await readRows('acled-bad.csv', 'acled');
    const refused = items.flatMap((i) => ('refusal' in i ? [i.refusal] : []));
    expect(refused.map((r) => r.line)).toEqual([3, 9]);
    expect(refused[0]!.reason).toMatch(/has 1 field where the header has 31/);
    expect(refused[1]!.reason).toMatch(/truncated last line/);
    expect(items.filter((i) => 'row' in i)).toHaveLength(6);
  });

  it('reads a semicolon-separated export (its header says so)', async () => {
    const text = fixtureText('acled-mali.csv');
    const { parse } = await import('csv-parse/sync');
    const { stringify } = await import('csv-stringify/sync');
    const semicolons = stringify(parse(text) as string[][], { delimiter: ';' });
    const items = await all(semicolons, 'acled');
    expect(items.filter((i) => 'row' in i)).toHaveLength(5);
  });

  it.each([
    ['ucdp-mali.csv', 'acled', /not an ACLED export: it looks like a UCDP GED export\. Use --format ucdp-ged/],
    ['acled-mali.csv', 'ucdp-ged', /not a UCDP GED export: it looks like an ACLED export\. Use --format acled/],
    ['acled-missing-columns.csv', 'acled', /lacks the columns latitude, longitude/],
  ] as const)('refuses %s as %s at once', async (name, format, message) => {
    await expect(readRows(name, format)).rejects.toThrow(FileRefusal);
    await expect(readRows(name, format)).rejects.toThrow(message);
  });

  it('says what a file that is no dataset export looks like', async () => {
    await expect(all('{"claims": []}', 'acled')).rejects.toThrow(/looks like conflict-graph's JSON/);
    await expect(all('{"type": "FeatureCollection", "features": []}', 'acled')).rejects.toThrow(/looks like GeoJSON/);
    await expect(all('<?xml version="1.0"?><graphml>', 'acled')).rejects.toThrow(/looks like GraphML/);
    await expect(all('', 'ucdp-ged')).rejects.toThrow(/looks like an empty file/);
    await expect(all('name,age\nx,1\n', 'acled')).rejects.toThrow(/a CSV file of another kind \(columns name, age/);
    expect(sniff('{"type":"bundle","id":"bundle--1"}').kind).toBe('stix');
  });
});
