/** The claim-status rule (docs/model.md, "Claim status"), pure. */
import { describe, expect, it } from 'vitest';
import {
  deriveClaimStatus,
  independentOrigins,
  strongestStatus,
  type EvidenceSource,
} from '../../src/domain/claim-status.js';

const article: EvidenceSource = { id: 'article', publisher: null, citesIds: ['spokesperson', 'civilians', 'images'] };
const spokesperson: EvidenceSource = { id: 'spokesperson', publisher: 'CSP', citesIds: [] };
const images: EvidenceSource = { id: 'images', publisher: 'csp ', citesIds: [] };
const civilians: EvidenceSource = { id: 'civilians', publisher: null, citesIds: [] };

const status = (
  evidence: EvidenceSource[],
  extra: { contradicted?: boolean; notIndependentlyVerified?: boolean } = {},
) => deriveClaimStatus({ evidence, contradicted: false, notIndependentlyVerified: false, ...extra });

describe('claim status', () => {
  it('one source is REPORTED', () => {
    expect(status([article])).toBe('REPORTED');
  });

  it('a relay does not count: the article citing the spokesperson is one origin', () => {
    expect(independentOrigins([article, spokesperson])).toBe(1);
    expect(status([article, spokesperson])).toBe('REPORTED');
  });

  it('sources of one publisher are one origin, whatever the spelling (CSP = "csp ")', () => {
    expect(status([article, spokesperson, images])).toBe('REPORTED');
  });

  it('two independent origins are CORROBORATED', () => {
    expect(independentOrigins([article, spokesperson, civilians])).toBe(2);
    expect(status([article, spokesperson, civilians])).toBe('CORROBORATED');
  });

  it('not independently verified, with fewer than two origins, is UNVERIFIED', () => {
    expect(status([article], { notIndependentlyVerified: true })).toBe('UNVERIFIED');
    expect(status([spokesperson, civilians], { notIndependentlyVerified: true })).toBe('CORROBORATED');
  });

  it('any contradicting source makes it DISPUTED, whatever supports it', () => {
    expect(status([spokesperson, civilians], { contradicted: true })).toBe('DISPUTED');
    expect(status([article], { contradicted: true, notIndependentlyVerified: true })).toBe('DISPUTED');
  });
});

describe('strongestStatus', () => {
  it('ranks CORROBORATED > REPORTED > UNVERIFIED > DISPUTED for fact edges', () => {
    expect(strongestStatus(['DISPUTED', 'UNVERIFIED'])).toBe('UNVERIFIED');
    expect(strongestStatus(['REPORTED', 'CORROBORATED', 'DISPUTED'])).toBe('CORROBORATED');
    expect(strongestStatus(['UNVERIFIED', 'REPORTED'])).toBe('REPORTED');
  });
});
