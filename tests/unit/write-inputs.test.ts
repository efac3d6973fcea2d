/**
 * The write inputs' validation, pure: what the seed loader and bulk import check without
 * GraphQL's own coercion in front (coordinates, enums, dates, URLs, lengths), each refusal a
 * BAD_USER_INPUT naming the field.
 */
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { addActorInput } from '../../src/inputs/actor.js';
import { parseAddClaim } from '../../src/inputs/claim.js';
import { parseInput } from '../../src/inputs/fields.js';
import { addPlaceInput } from '../../src/inputs/place.js';
import { addSourceInput } from '../../src/inputs/source.js';

function refusal(run: () => unknown): { code: unknown; field: unknown; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const e = error as GraphQLError;
    return { code: e.extensions.code, field: e.extensions.field, message: e.message };
  }
  throw new Error('expected a refusal');
}

const claim = { text: 'A claim.', assertedBy: { id: 'actor:a' }, sourceIds: ['source:a'] };

describe('write inputs', () => {
  it('accepts a minimal claim and fills its defaults; null means absent', () => {
    expect(parseAddClaim({ ...claim, quote: null, events: null })).toEqual({
      ...claim,
      quote: undefined,
      events: undefined,
      notIndependentlyVerified: false,
    });
  });

  it('refuses a claim without a source, naming sourceIds', () => {
    expect(refusal(() => parseAddClaim({ ...claim, sourceIds: [] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.sourceIds',
    });
    const { sourceIds: _none, ...without } = claim;
    expect(refusal(() => parseAddClaim(without)).message).toMatch(/^input\.sourceIds .*no claim without a source/);
  });

  it('names nested fields and the claim within a bulk input', () => {
    const bad = { ...claim, events: [{ type: 'BATTLE', fatalities: { low: 3, best: 1 } }] };
    expect(refusal(() => parseAddClaim(bad, 'input.claims[4]'))).toMatchObject({
      field: 'input.claims[4].events[0].fatalities.best',
    });
  });

  it('refuses coordinates out of range', () => {
    const place = { name: 'X', kind: 'TOWN' };
    expect(
      refusal(() => parseInput(addPlaceInput, { ...place, location: { latitude: -90.5, longitude: 0 } })),
    ).toMatchObject({
      field: 'input.location.latitude',
    });
    expect(
      refusal(() => parseInput(addPlaceInput, { ...place, location: { latitude: 0, longitude: 180.1 } })),
    ).toMatchObject({
      field: 'input.location.longitude',
    });
  });

  it('refuses unknown enum values, listing the allowed ones', () => {
    const r = refusal(() => parseInput(addActorInput, { name: 'X', kind: 'GANG' }));
    expect(r).toMatchObject({ field: 'input.kind' });
    expect(r.message).toMatch(/ARMED_GROUP/);
  });

  it('refuses dates without a time zone or in the future, and non-http URLs', () => {
    const source = { kind: 'OTHER', title: 'T' };
    expect(refusal(() => parseInput(addSourceInput, { ...source, publishedAt: '2023-09-17T12:00:00' }))).toMatchObject({
      field: 'input.publishedAt',
    });
    expect(refusal(() => parseInput(addSourceInput, { ...source, publishedAt: '2999-09-17T12:00:00Z' }))).toMatchObject(
      {
        field: 'input.publishedAt',
      },
    );
    expect(refusal(() => parseInput(addSourceInput, { ...source, url: 'javascript:alert(1)' }))).toMatchObject({
      field: 'input.url',
    });
    expect(parseInput(addSourceInput, { ...source, publishedAt: '2023-09-17T14:00:00+02:00' }).publishedAt).toBe(
      '2023-09-17T12:00:00.000Z',
    );
  });

  it('trims texts and refuses empty or over-long ones', () => {
    expect(parseInput(addActorInput, { name: '  CSP ', kind: 'COALITION' }).name).toBe('CSP');
    expect(refusal(() => parseInput(addActorInput, { name: ' ', kind: 'COALITION' }))).toMatchObject({
      field: 'input.name',
    });
    expect(refusal(() => parseAddClaim({ ...claim, quote: 'q'.repeat(2001) }))).toMatchObject({ field: 'input.quote' });
  });
});
