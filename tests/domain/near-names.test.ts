/** Near-duplicate names (src/domain/near-names.ts): close after normalising, short names held tighter. */
import { describe, expect, it } from 'vitest';
import { closeness } from '../../src/domain/near-names.js';

describe('closeness', () => {
  it('catches a typo of a long name, accents and case aside', () => {
    expect(closeness('Cadre Strategique Permanant', 'Cadre stratégique permanent')).toBe(1);
    expect(closeness('Cadre Strategik Permanant', 'Cadre stratégique permanent')).toBe(null);
    expect(closeness('Malian Armed Forse', 'Malian Armed Forces')).toBe(2);
  });

  it('is not about the same name, which is a match, not a near duplicate', () => {
    expect(closeness('Léré', ' LERE ')).toBe(null);
  });

  it('holds short names to a tighter bound', () => {
    expect(closeness('Gao', 'Gap')).toBe(null);
    expect(closeness('Bourem', 'Bouren')).toBe(1);
    expect(closeness('Niger', 'Nigeria')).toBe(null);
  });
});
