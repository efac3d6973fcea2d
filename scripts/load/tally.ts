/**
 * The load run's client and its tally: every GraphQL request goes through `send`, which counts
 * it, its HTTP status, its latency and each GraphQL error by code, and hands back the parsed
 * answer (or null when no well-formed answer came).
 */

export interface Answer<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A request that got no HTTP answer within this time counts as unanswered. */
const CLIENT_TIMEOUT_MS = 120_000;

export class Tally {
  requests = 0;
  readonly byStatus = new Map<number, number>();
  /** Connection failures, client time-outs and bodies that were not JSON. */
  unanswered = 0;
  readonly errorsByCode = new Map<string, number>();
  readonly byOperation = new Map<string, number>();
  /** One example message per error code, to tell what went wrong. */
  readonly sampleMessages = new Map<string, string>();
  private readonly latenciesMs: number[] = [];

  /** Forgets everything counted so far (what the warm-up sent). */
  reset(): void {
    this.requests = 0;
    this.unanswered = 0;
    for (const map of [this.byStatus, this.errorsByCode, this.byOperation, this.sampleMessages]) map.clear();
    this.latenciesMs.length = 0;
  }

  get serverErrors(): number {
    let count = 0;
    for (const [status, n] of this.byStatus) if (status >= 500) count += n;
    return count;
  }

  /** The latency below which `fraction` of the answered requests fell, in ms. */
  latency(fraction: number): number {
    if (this.latenciesMs.length === 0) return 0;
    const sorted = [...this.latenciesMs].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
  }

  /** POSTs one operation (`name` labels it in the tally) and records what came back. */
  async send<T>(
    url: string,
    name: string,
    query: string,
    variables: Record<string, unknown>,
    key?: string,
  ): Promise<Answer<T> | null> {
    this.requests += 1;
    this.byOperation.set(name, (this.byOperation.get(name) ?? 0) + 1);
    const started = performance.now();
    let answer: Answer<T>;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
      });
      const text = await response.text();
      this.byStatus.set(response.status, (this.byStatus.get(response.status) ?? 0) + 1);
      answer = { status: response.status, ...(JSON.parse(text) as Omit<Answer<T>, 'status'>) };
    } catch (error) {
      this.unanswered += 1;
      this.sampleMessages.set('(no answer)', error instanceof Error ? error.message : String(error));
      return null;
    }
    this.latenciesMs.push(performance.now() - started);
    for (const error of answer.errors ?? []) {
      const code = error.extensions?.code ?? '(no code)';
      this.errorsByCode.set(code, (this.errorsByCode.get(code) ?? 0) + 1);
      if (!this.sampleMessages.has(code)) this.sampleMessages.set(code, `${name}: ${error.message}`);
    }
    return answer;
  }
}
