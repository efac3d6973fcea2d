import { describe, expect, it } from 'vitest';
import { alignToIds, argumentKey, byArguments } from '../../../src/graph/core/batches.js';

describe('batch alignment for DataLoader', () => {
  it('answers one value per id, in the ids order, with a default for missing ids', () => {
    expect(
      alignToIds(
        ['b', 'x', 'a', 'b'],
        [
          ['a', 1],
          ['b', 2],
        ],
        0,
      ),
    ).toEqual([2, 0, 1, 2]);
  });

  it('keys arguments whatever their property order, ignoring undefined', () => {
    expect(argumentKey({ id: 'a', page: { first: 2, after: null }, role: undefined })).toBe(
      argumentKey({ page: { after: null, first: 2 }, id: 'a' }),
    );
    expect(argumentKey({ id: 'a', first: 2 })).not.toBe(argumentKey({ id: 'a', first: 3 }));
  });

  it('runs one load per distinct set of arguments and puts each answer back at its key', async () => {
    const calls: { ids: string[]; role: string }[] = [];
    const keys = [
      { id: 'a', role: 'ATTACKER' },
      { id: 'b', role: 'TARGET' },
      { id: 'c', role: 'ATTACKER' },
    ];
    const answers = await byArguments(keys, async (ids, { role }) => {
      calls.push({ ids, role });
      return ids.map((id) => `${id}:${role}`);
    });
    expect(answers).toEqual(['a:ATTACKER', 'b:TARGET', 'c:ATTACKER']);
    expect(calls).toEqual([
      { ids: ['a', 'c'], role: 'ATTACKER' },
      { ids: ['b'], role: 'TARGET' },
    ]);
  });
});
