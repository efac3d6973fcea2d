import { describe, expect, it } from 'vitest';
import { acledRecord } from '../../src/interchange/acled.js';
import { RowError } from '../../src/interchange/record.js';
import { rowsById } from './fixtures.js';

const rows = await rowsById('acled-mali.csv', 'acled', 'event_id_cnty');
const record = (id: string, change: Record<string, string> = {}) => {
  const { row, line } = rows.get(id)!;
  return acledRecord({ ...row, ...change }, line);
};

describe('ACLED rows, after the codebook', () => {
  it('maps the Léré row: a territory taken, actor 1 on actor 2, the admin chain, the outlets, no figure for 0', () => {
    const r = record('MLI30001');
    expect(r.key).toBe('MLI30001');
    expect(r.line).toBe(2);
    expect(r.event).toMatchObject({
      type: 'BATTLE',
      subType: 'NON_STATE_ACTOR_OVERTAKES_TERRITORY',
      time: { start: '2023-09-17T00:00:00.000Z', end: '2023-09-17T23:59:59.999Z', precision: 'DAY' },
      geoPrecision: 'EXACT',
    });
    expect(r.places.map((p) => [p.level, p.name])).toEqual([
      ['country', 'Mali'],
      ['admin1', 'Timbuktu'],
      ['admin2', 'Niafunke'],
      ['admin3', 'Soboundou'],
      ['location', 'Lere'],
    ]);
    expect(r.places.at(-1)!.location).toEqual({ latitude: 15.7153, longitude: -4.9042 });
    expect(r.actors.map((a) => [a.name, a.role, a.side, a.associated, a.kind])).toEqual([
      [
        'CSP-PSD: Permanent Strategic Framework for Peace, Security and Development',
        'ATTACKER',
        'A',
        false,
        'ARMED_GROUP',
      ],
      ['Military Forces of Mali (2021-)', 'TARGET', 'B', false, 'STATE_FORCE'],
      ['Wagner Group', 'TARGET', 'B', true, 'STATE_FORCE'],
    ]);
    expect(r.sources.map((s) => [s.id, s.publisher])).toEqual([
      ['source:acled:le-monde', 'Le Monde'],
      ['source:acled:reuters', 'Reuters'],
    ]);
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]!.figures).toEqual([]);
    expect(r.claims[0]!.quote).toContain('after two hours of combat');
  });

  it("states ACLED's conservative count as one KILLED figure of no side: at least that many", () => {
    expect(record('MLI30002').claims[0]!.figures).toEqual([{ kind: 'KILLED', group: 'UNKNOWN', low: 10, best: 10 }]);
  });

  it('reads inter codes as words, and an armed clash as two parties without direction', () => {
    const r = record('MLI30002');
    expect(r.event.time.start).toBe('2023-09-12T00:00:00.000Z');
    expect(r.actors.map((a) => [a.role, a.kind])).toEqual([
      ['OTHER', 'ARMED_GROUP'],
      ['OTHER', 'STATE_FORCE'],
    ]);
  });

  it('maps time_precision 2 to the week around the date, 3 to its month; geo_precision 2 and 3', () => {
    expect(record('MLI30003').event.time).toEqual({
      start: '2023-09-17T00:00:00.000Z',
      end: '2023-09-23T23:59:59.999Z',
      precision: 'WEEK',
    });
    expect(record('MLI30003').event.geoPrecision).toBe('NEAR');
    expect(record('MLI30004').event.time).toEqual({
      start: '2023-09-01T00:00:00.000Z',
      end: '2023-09-30T23:59:59.999Z',
      precision: 'MONTH',
    });
    expect(record('MLI30004').event.geoPrecision).toBe('REGION');
    expect(record('MLI30004').actors.every((a) => a.role === 'SIGNATORY')).toBe(true);
  });

  it('gives civilians, their associated actors and the attackers of an attack their roles', () => {
    expect(record('MLI30003').actors.map((a) => [a.name, a.role, a.kind])).toEqual([
      ['Unidentified Armed Group (Mali)', 'ATTACKER', 'ARMED_GROUP'],
      ['Civilians (Mali)', 'TARGET', 'CIVILIAN_GROUP'],
      ['Farmers (Mali)', 'TARGET', 'CIVILIAN_GROUP'],
    ]);
  });

  it('digests what a row says, not when ACLED last touched it', async () => {
    const { recordDigest } = await import('../../src/graph/bulk/dataset-record.js');
    const a = recordDigest(record('MLI30002'));
    expect(recordDigest(record('MLI30002', { timestamp: '1999999999' }))).toBe(a);
    expect(recordDigest(record('MLI30002', { fatalities: '11' }))).not.toBe(a);
  });

  it.each([
    [{ time_precision: '4' }, /time_precision "4" is not one of the codebook.s time_precision codes/],
    [{ geo_precision: '0' }, /geo_precision "0"/],
    [{ event_type: 'Wars' }, /event_type "Wars"/],
    [{ sub_event_type: 'Skirmish' }, /sub_event_type "Skirmish"/],
    [{ inter1: '9' }, /inter1 "9"/],
    [{ interaction: '13' }, /interaction 13 does not agree with inter1 2 and inter2 1/],
    [{ latitude: '95.2' }, /latitude 95.2 is impossible/],
    [{ longitude: 'east' }, /longitude "east" is not a number/],
    [{ latitude: '0', longitude: '0' }, /placeholder/],
    [{ event_date: '31 September 2023' }, /not a day of the calendar/],
    [{ year: '2022' }, /year 2022 does not agree/],
    [{ fatalities: '-1' }, /fatalities -1 is below 0/],
    [{ actor1: '' }, /actor1 is empty/],
  ])('refuses %o', (change, reason) => {
    expect(() => record('MLI30001', change)).toThrow(RowError);
    expect(() => record('MLI30001', change)).toThrow(reason);
  });
});
