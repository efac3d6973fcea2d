import { describe, expect, it } from 'vitest';
import { summarizeStatement } from '../../src/http/tracing.js';

describe('summarizeStatement', () => {
  it.each([
    [
      "MATCH (a:Actor)-[:MEMBER_OF]->(b:Actor) WHERE a.name <> 'Mali' RETURN a.name LIMIT 3",
      'MATCH',
      'MATCH Actor MEMBER_OF RETURN',
    ],
    ['EXPLAIN MATCH (a:Actor) RETURN a', 'EXPLAIN', 'EXPLAIN MATCH Actor RETURN'],
    [
      'CYPHER replan=skip\nMERGE (s:Source {id: $id}) ON CREATE SET s.title = $title WITH s MATCH (c:Claim {id: $c}) MERGE (c)-[:REPORTED_IN|CITED_IN]->(s) RETURN s.id AS id',
      'MERGE',
      'MERGE Source SET MATCH Claim MERGE REPORTED_IN CITED_IN RETURN',
    ],
    [
      "CALL db.index.fulltext.queryNodes('names', $q) YIELD node MATCH (node:Actor|Place) RETURN node",
      'CALL',
      'CALL db.index.fulltext.queryNodes MATCH Actor Place RETURN',
    ],
    [
      "UNWIND $ids AS id MATCH (e:Event {id: id}) OPTIONAL MATCH (e)<-[p:PARTICIPATED_IN {role: 'x'}]-(a) RETURN collect({set: p.role})",
      'UNWIND',
      'UNWIND MATCH Event OPTIONAL MATCH PARTICIPATED_IN RETURN',
    ],
    ['RETURN 1', 'RETURN', 'RETURN'],
    ['', 'QUERY', 'QUERY'],
  ])('summarises %j', (statement, operation, text) => {
    expect(summarizeStatement(statement)).toEqual({ operation, text });
  });

  it('keeps literals, parameters, variables and property names out', () => {
    const { text } = summarizeStatement(
      "MATCH (secretVar:Actor {name: 'Secret Name'}) WHERE secretVar.secretProp = $secretParam AND 42 > 1 /* :Hidden */ RETURN secretVar",
    );
    expect(text).toBe('MATCH Actor RETURN');
  });
});
