/** Name keys: the fast path for printable ASCII folds exactly as the full rule does. */
import { describe, expect, it } from 'vitest';
import { idFromName, nameKey, normaliseName } from '../../src/domain/names.js';

// The rule as names.ts states it, for every text.
const rule = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();

describe('normaliseName', () => {
  it('folds case, accents and white space', () => {
    expect(normaliseName('  Léré  Town ')).toBe('lere town');
    expect(normaliseName('LERE\ttown')).toBe('lere town');
    expect(normaliseName('Military Forces of Mali (2021-)')).toBe('military forces of mali (2021-)');
  });

  it('agrees with the full rule on every printable ASCII character and on other text', () => {
    const samples: string[] = [];
    for (let c = 0; c < 128; c++) samples.push(` A${String.fromCharCode(c)}b  c `, String.fromCharCode(c));
    samples.push(
      '',
      ' ',
      '   ',
      'a  b   c',
      '\u00a0a\u2003b',
      'É',
      'e\u0301',
      'İstanbul',
      'Straße',
      '\u212a',
      'x\u001fy',
    );
    for (const s of samples) expect(normaliseName(s), JSON.stringify(s)).toBe(rule(s));
  });
});

describe('nameKey and idFromName', () => {
  it('are the same when asked again (they are cached)', () => {
    expect(nameKey('Actor', 'Wagner  Group')).toBe('actor:wagner group');
    expect(nameKey('Actor', 'Wagner  Group')).toBe('actor:wagner group');
    expect(nameKey('Place', 'Wagner  Group')).toBe('place:wagner group');
    expect(idFromName('actor', 'Léré (town)')).toBe('actor:lere-town');
    expect(idFromName('place', 'Léré (town)')).toBe('place:lere-town');
    expect(idFromName('place', '***')).toBe('place:unnamed');
  });
});
