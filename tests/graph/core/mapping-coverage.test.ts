/**
 * Every field of every SDL node type is mapped: listed in mapping.ts's field table, with the
 * properties behind it read by NODE_MAP. A field added to the schema and to toEvent, but not to the
 * tables, would otherwise read back null through nested reads, the timeline and the analysis
 * views while event(id) answers it.
 */
import { buildSchema, GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { NODE_LABELS, unmappedFields } from '../../../src/graph/core/mapping.js';
import { loadTypeDefs } from '../../../src/server.js';

describe('the mapping of SDL fields', () => {
  const schema = buildSchema(loadTypeDefs());

  it.each(NODE_LABELS)('maps every field of %s', (label) => {
    const type = schema.getType(label);
    expect(type).toBeInstanceOf(GraphQLObjectType);
    const fields = Object.keys((type as GraphQLObjectType).getFields());
    expect(fields.length).toBeGreaterThan(3);
    expect(unmappedFields(label, fields)).toEqual([]);
  });

  it('finds a field the tables do not list', () => {
    expect(unmappedFields('Event', ['type', 'severity'])).toEqual(['severity']);
  });
});
