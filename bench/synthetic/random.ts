/**
 * A small seeded PRNG (sfc32) and the draws the synthetic graph needs: uniform, weighted and
 * power-law (Zipf) picks. Same seed, same graph, on every machine.
 */

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads a small seed over the four words of state.
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.float();
  }

  /** A float in [0, 1). */
  float(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** An index drawn with the given weights. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  between(min: number, max: number): number {
    return min + this.float() * (max - min);
  }
}

/**
 * Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^exponent: a few ranks take most draws, and a
 * long tail shares the rest (how often actors appear in ACLED-like data).
 */
export class Zipf {
  private readonly cdf: Float64Array;

  constructor(
    readonly n: number,
    exponent: number,
  ) {
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + 1, exponent);
      this.cdf[i] = sum;
    }
    for (let i = 0; i < n; i++) this.cdf[i]! /= sum;
  }

  draw(random: Random): number {
    const r = random.float();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const SYLLABLES = [
  'ka',
  'ta',
  'ma',
  'ri',
  'lo',
  'su',
  'ne',
  'di',
  'bo',
  'ga',
  'ye',
  'hu',
  'sa',
  'ko',
  'fi',
  'za',
  'mo',
  'te',
  'ba',
  'nu',
];

/**
 * A unique, pronounceable name for index i of a pool: i written in base 20 with syllables as
 * digits, at least three syllables long, so it never equals a short real name ("Mali", "Fama").
 * `salt` rotates the syllables so that two pools do not read alike.
 */
export function syntheticName(i: number, salt = 0): string {
  const base = SYLLABLES.length;
  let n = i + base * base;
  let word = '';
  while (n > 0) {
    word = SYLLABLES[(n + salt) % base]! + word;
    n = Math.floor(n / base);
  }
  return word.charAt(0).toUpperCase() + word.slice(1);
}
