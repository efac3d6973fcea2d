/**
 * The write contract's new rules, pure: times as people write them (a day, a month, a year, a
 * date-time) with their precision, enterReport's shape, and the field path of a variable's
 * coercion error.
 */
import { describe, expect, it } from 'vitest';
import { parseInput, readWrittenTime } from '../../src/inputs/fields.js';
import { timeSpan } from '../../src/inputs/event.js';
import { enterReportInput } from '../../src/inputs/report.js';
import { placeRef } from '../../src/inputs/place.js';
import { variableField } from '../../src/http/format-error.js';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    const e = error as { message: string; extensions: Record<string, unknown> };
    return { message: e.message, ...e.extensions } as { message: string; field?: string };
  }
  throw new Error('not refused');
};

describe('written times', () => {
  it('reads a day, a month, a year and a date-time as the window they name', () => {
    expect(readWrittenTime('2023-09-28')).toEqual({
      first: '2023-09-28T00:00:00.000Z',
      last: '2023-09-28T23:59:59.999Z',
      precision: 'DAY',
    });
    expect(readWrittenTime('2024-02')).toEqual({
      first: '2024-02-01T00:00:00.000Z',
      last: '2024-02-29T23:59:59.999Z',
      precision: 'MONTH',
    });
    expect(readWrittenTime('2023')?.last).toBe('2023-12-31T23:59:59.999Z');
    expect(readWrittenTime('2023-09-17T14:00:00+02:00')).toEqual({
      first: '2023-09-17T12:00:00.000Z',
      last: '2023-09-17T12:00:00.000Z',
      precision: 'EXACT',
    });
    for (const bad of ['2023-02-30', '2023-13', '17/09/2023', '2023-09-17T12:00:00', 'yesterday'])
      expect(readWrittenTime(bad)).toBe(null);
  });

  it('gives a span the precision of what was written, unless one is given', () => {
    expect(parseInput(timeSpan, { start: '2023-09-28' })).toEqual({
      start: '2023-09-28T00:00:00.000Z',
      end: '2023-09-28T23:59:59.999Z',
      precision: 'DAY',
    });
    expect(parseInput(timeSpan, { start: '2023-09-17', end: '2023-09' }).precision).toBe('MONTH');
    expect(parseInput(timeSpan, { start: '2023-09-17T12:00:00Z' })).toEqual({
      start: '2023-09-17T12:00:00.000Z',
      precision: 'EXACT',
    });
    expect(parseInput(timeSpan, { start: '2023-09-17T14:00:00Z', precision: 'PART_OF_DAY' }).precision).toBe(
      'PART_OF_DAY',
    );
    expect(refusal(() => parseInput(timeSpan, { start: '2023-09-18', end: '2023-09-17' }))).toMatchObject({
      field: 'input.end',
    });
    expect(refusal(() => parseInput(timeSpan, {}))).toMatchObject({ field: 'input.precision' });
    expect(refusal(() => parseInput(timeSpan, { start: 'soon' }))).toMatchObject({ field: 'input.start' });
  });
});

describe('enterReport input', () => {
  it('validates each part by the single writes’ rules, naming the field', () => {
    const claim = { text: 'x', assertedBy: { id: 'actor:csp' }, sourceIds: ['source:a'] };
    expect(refusal(() => parseInput(enterReportInput, { claims: [] }))).toMatchObject({ field: 'input.claims' });
    expect(
      refusal(() => parseInput(enterReportInput, { claims: [claim], sources: [{ kind: 'ARTICLE', title: '' }] })),
    ).toMatchObject({ field: 'input.sources[0].title' });
    expect(refusal(() => parseInput(enterReportInput, { claims: [{ ...claim, sourceIds: [] }] }))).toMatchObject({
      field: 'input.claims[0].sourceIds',
    });
  });

  it('takes a chain of places inline and bounds it', () => {
    const chain = {
      name: 'Dioura camp',
      parent: { name: 'Dioura', parent: { name: 'Ténenkou', parentId: 'place:mali' } },
    };
    expect(parseInput(placeRef, chain)).toMatchObject({ parent: { parent: { parentId: 'place:mali' } } });
    let deep: Record<string, unknown> = { id: 'place:mali' };
    for (let i = 0; i < 9; i++) deep = { name: `level ${i}`, parent: deep };
    expect(refusal(() => parseInput(placeRef, deep)).field ?? '').toMatch(/^input\.parent/);
    expect(
      refusal(() => parseInput(placeRef, { name: 'x', parentId: 'place:a', parent: { id: 'place:b' } })),
    ).toMatchObject({
      field: 'input.parent',
    });
    expect(parseInput(placeRef, { pcode: 'ml0503' }).pcode).toBe('ML0503');
  });
});

describe('variable coercion errors', () => {
  it('name the path of the value', () => {
    expect(
      variableField(
        'Variable "$input" got invalid value "x" at "input.claims[0].events[0].time.start"; Expected type "PartialDateTime". It must be a day',
      ),
    ).toBe('input.claims[0].events[0].time.start');
    expect(
      variableField(
        'Variable "$input" got invalid value { text: "x" } at "input"; Field "assertedBy" of required type "ActorRef!" was not provided.',
      ),
    ).toBe('input.assertedBy');
    expect(variableField('Variable "$id" of required type "ID!" was not provided.')).toBe('id');
    expect(variableField('Variable "$first" got invalid value "x"; Int cannot represent non-integer value: "x"')).toBe(
      'first',
    );
    expect(variableField('Cannot query field "x" on type "Query".')).toBe(null);
  });
});
