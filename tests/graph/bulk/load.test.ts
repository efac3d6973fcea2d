import { describe, expect, it } from 'vitest';
import { bulkStatements, type BulkGraph } from '../../../src/graph/bulk/load.js';

describe('bulkStatements', () => {
  const graph: BulkGraph = {
    actors: [{ id: 'actor:a', name: 'Alpha', kind: 'ARMED_GROUP', aliases: ['ALPHA', 'Alfa'], description: null }],
    claims: [
      {
        id: 'claim:1',
        text: 't',
        quote: null,
        status: 'REPORTED',
        notIndependentlyVerified: false,
        createdBy: 'x',
        assertedById: 'actor:a',
        reportedInIds: ['source:1'],
        supportingIds: [],
        contradictingIds: [],
        about: { actorIds: [], placeIds: [], eventIds: ['event:1'], sourceIds: [], claimIds: [] },
      },
      {
        id: 'claim:2',
        text: 't',
        quote: null,
        status: 'CORROBORATED',
        notIndependentlyVerified: false,
        createdBy: 'x',
        assertedById: 'actor:a',
        reportedInIds: ['source:1'],
        supportingIds: ['source:2'],
        contradictingIds: [],
        about: { actorIds: [], placeIds: [], eventIds: [], sourceIds: [], claimIds: [] },
      },
    ],
    participations: [
      { actorId: 'actor:a', eventId: 'event:1', role: 'ATTACKER', claimId: 'claim:1', status: 'REPORTED' },
      { actorId: 'actor:a', eventId: 'event:1', role: 'ATTACKER', claimId: 'claim:2', status: 'CORROBORATED' },
      { actorId: 'actor:a', eventId: 'event:1', role: 'SPEAKER', claimId: 'claim:2', status: 'CORROBORATED' },
    ],
  };

  it('writes one Name per distinct key of a name and its aliases', () => {
    const names = bulkStatements(graph).find((s) => s.what === 'actor names');
    expect(names?.rows).toEqual([
      { key: 'actor:alpha', id: 'actor:a' },
      { key: 'actor:alfa', id: 'actor:a' },
    ]);
  });

  it('merges the claims behind one fact edge into one row with the strongest status', () => {
    const rows = bulkStatements(graph)
      .filter((s) => s.what === 'PARTICIPATED_IN')
      .flatMap((s) => s.rows);
    expect(rows).toEqual([
      { from: 'actor:a', to: 'event:1', role: 'ATTACKER', claimIds: ['claim:1', 'claim:2'], status: 'CORROBORATED' },
      { from: 'actor:a', to: 'event:1', role: 'SPEAKER', claimIds: ['claim:2'], status: 'CORROBORATED' },
    ]);
  });

  it('skips existing claims with everything they back, and existing nodes', () => {
    const existing = {
      actors: new Set(['actor:a']),
      places: new Set<string>(),
      sources: new Set<string>(),
      events: new Set<string>(),
      claims: new Set(['claim:2']),
    };
    const steps = bulkStatements(graph, existing);
    expect(steps.find((s) => s.what === 'actors')).toBeUndefined();
    expect(steps.find((s) => s.what === 'claims')?.rows.map((r) => r.id)).toEqual(['claim:1']);
    expect(steps.find((s) => s.what === 'SUPPORTS')).toBeUndefined();
    const facts = steps.filter((s) => s.what === 'PARTICIPATED_IN').flatMap((s) => s.rows);
    expect(facts).toEqual([
      { from: 'actor:a', to: 'event:1', role: 'ATTACKER', claimIds: ['claim:1'], status: 'REPORTED' },
    ]);
  });
});
