import { describe, expect, it } from 'vitest';
import { ucdpRecord } from '../../src/interchange/ucdp.js';
import { RowError } from '../../src/interchange/record.js';
import { rowsById } from './fixtures.js';

const rows = await rowsById('ucdp-mali.csv', 'ucdp-ged', 'id');
const record = (id: string, change: Record<string, string> = {}) => {
  const { row, line } = rows.get(id)!;
  return ucdpRecord({ ...row, ...change }, line);
};

describe('UCDP GED rows, after the codebook', () => {
  it('maps a state-based event: sides without direction, deaths by side, the total as its own claim', () => {
    const r = record('512345');
    expect(r.event).toMatchObject({
      type: 'BATTLE',
      subType: 'ARMED_CLASH',
      time: { start: '2023-09-17T00:00:00.000Z', end: '2023-09-17T23:59:59.999Z', precision: 'DAY' },
      geoPrecision: 'EXACT',
    });
    expect(r.actors.map((a) => [a.name, a.side, a.role, a.kind])).toEqual([
      ['Government of Mali', 'A', 'OTHER', 'GOVERNMENT'],
      ['CSP-PSD', 'B', 'OTHER', 'ARMED_GROUP'],
    ]);
    expect(r.claims.map((c) => c.part)).toEqual(['row', 'total']);
    expect(r.claims[0]!.figures).toEqual([
      { kind: 'KILLED', side: 'A', best: 5 },
      { kind: 'KILLED', side: 'B', best: 12 },
      { kind: 'KILLED', group: 'CIVILIANS', best: 2 },
    ]);
    expect(r.claims[1]!.figures).toEqual([{ kind: 'KILLED', group: 'UNKNOWN', low: 15, high: 30, best: 19 }]);
    expect(r.places.map((p) => [p.level, p.name])).toEqual([
      ['country', 'Mali'],
      ['admin1', 'Tombouctou region'],
      ['admin2', 'Niafunké cercle'],
      ['location', 'Léré town'],
    ]);
  });

  it('makes each article a source that relays the original sources', () => {
    const r = record('512345');
    const originals = r.sources.filter((s) => s.id.startsWith('source:ucdp-original:'));
    const articles = r.sources.filter((s) => s.kind === 'ARTICLE');
    expect(originals.map((s) => s.publisher)).toEqual(['CSP-PSD spokesperson', 'Malian army']);
    expect(articles.map((s) => [s.publisher, s.title, s.publishedAt])).toEqual([
      ['Reuters', 'Mali rebels say they seized army camp at Lere', '2023-09-18T00:00:00.000Z'],
      ['Agence France Presse', 'Mali army confirms attack on Lere camp', '2023-09-18T00:00:00.000Z'],
    ]);
    for (const a of articles) expect(a.citesIds).toEqual(originals.map((o) => o.id));
  });

  it('maps one-sided violence: side A attacks the civilians of the country; a 2–6 day span', () => {
    const r = record('512346');
    expect(r.event.type).toBe('VIOLENCE_AGAINST_CIVILIANS');
    expect(r.actors.map((a) => [a.name, a.role, a.kind])).toEqual([
      ['JNIM', 'ATTACKER', 'ARMED_GROUP'],
      ['Civilians (Mali)', 'TARGET', 'CIVILIAN_GROUP'],
    ]);
    expect(r.event.time).toEqual({
      start: '2023-09-10T00:00:00.000Z',
      end: '2023-09-12T23:59:59.999Z',
      precision: 'WEEK',
    });
    expect(r.event.geoPrecision).toBe('NEAR');
    expect(r.claims).toHaveLength(1); // low = best = high: no separate total
  });

  it('maps an admin-1 centroid to the region itself, a month, and a row without sources to the dataset', () => {
    const r = record('512347');
    expect(r.event.geoPrecision).toBe('ADMIN1');
    expect(r.event.time.precision).toBe('MONTH');
    expect(r.places.map((p) => p.level)).toEqual(['country', 'admin1']);
    expect(r.places.at(-1)!.location).toEqual({ latitude: 15.9182, longitude: 2.4022 });
    expect(r.sources.map((s) => s.id)).toEqual(['source:ucdp']);
  });

  it.each([
    [{ best: '20' }, /best is 20: the codebook makes best their sum/],
    [{ low: '25' }, /low ≤ best ≤ high/],
    [{ date_end: '2023-09-16' }, /date_end 2023-09-16 is before date_start/],
    [{ where_prec: '9' }, /where_prec "9"/],
    [{ date_prec: '6' }, /date_prec "6"/],
    [{ type_of_violence: '4' }, /type_of_violence "4"/],
    [{ event_clarity: '3' }, /event_clarity "3"/],
    [{ longitude: '-190' }, /longitude -190 is impossible/],
    [{ id: 'MLI-1' }, /not a UCDP GED event id/],
  ])('refuses %o', (change, reason) => {
    expect(() => record('512345', change)).toThrow(RowError);
    expect(() => record('512345', change)).toThrow(reason);
  });
});
