/**
 * The record digest stays what it was defined as: the first 16 hex digits of the SHA-256 of the
 * record's JSON without its line, its codes last and without ACLED's timestamp (claim ids are
 * made of it, so a change would make every file imported before read as a revision).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codesJson, recordDigest, type DatasetRecord } from '../../../src/graph/bulk/dataset-record.js';

const definition = (record: DatasetRecord) => {
  const { line: _line, codes, ...said } = record;
  const { timestamp: _timestamp, ...kept } = codes;
  return createHash('sha256')
    .update(JSON.stringify({ ...said, codes: kept }))
    .digest('hex')
    .slice(0, 16);
};

const record = (codes: Record<string, string>, line = 2): DatasetRecord => ({
  dataset: 'ACLED',
  line,
  key: 'MLI30001',
  event: {
    type: 'BATTLE',
    subType: 'ARMED_CLASH',
    time: { start: '2023-09-17T00:00:00.000Z', end: '2023-09-17T23:59:59.999Z', precision: 'DAY' },
    description: 'On 17 September 2023, "fighters" attacked… Léré',
    geoPrecision: 'EXACT',
  },
  places: [{ name: 'Mali', kind: 'COUNTRY', level: 'country', code: '466' }],
  actors: [{ name: 'Wagner Group', kind: 'ARMED_GROUP', role: 'OTHER', side: 'A', associated: false }],
  sources: [],
  claims: [{ part: 'row', text: 'ACLED codes…', figures: [] }],
  codes,
});

describe('recordDigest', () => {
  it('is the digest of the record as defined, wherever the timestamp lies among the codes', () => {
    const cases: Record<string, string>[] = [
      { event_id_cnty: 'MLI30001', notes: 'a "quoted" \\ note', timestamp: '1695340800' },
      { timestamp: '1695340800', event_id_cnty: 'MLI30001' },
      { event_id_cnty: 'MLI30001', timestamp: '1', notes: ',"timestamp":"1"' },
      { 'x"timestamp': '1', timestamp: '1' },
      { timestamp: '1' },
      { event_id_cnty: 'MLI30001' },
      {},
    ];
    for (const codes of cases) {
      expect(recordDigest(record(codes)), JSON.stringify(codes)).toBe(definition(record(codes)));
      // The codes' JSON made first, for the event, and then used by the digest.
      const r = record(codes);
      expect(codesJson(r)).toBe(JSON.stringify(codes));
      expect(recordDigest(r)).toBe(definition(r));
    }
  });

  it('leaves out the line and the timestamp, and changes with anything the record says', () => {
    const a = record({ event_id_cnty: 'MLI30001', timestamp: '1' }, 2);
    expect(recordDigest(record({ event_id_cnty: 'MLI30001', timestamp: '2' }, 9))).toBe(recordDigest(a));
    expect(recordDigest(record({ event_id_cnty: 'MLI30002', timestamp: '1' }))).not.toBe(recordDigest(a));
    // As the digest was before it was built without copying the record.
    expect(recordDigest(a)).toBe('6565fdb9df187c06');
  });
});
