/**
 * The local engine's CPU, read from /proc: whether work the API gave up on still runs there.
 * Tests assert with it that a refused or abandoned query leaves no core busy.
 */
import { readFileSync } from 'node:fs';

/** The engine's CPU time so far, in clock ticks (utime + stime of /proc/<pid>/stat). */
export function engineTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * True once the engine spends less than a fifth of a core over one second, sampled second by
 * second for at most `seconds`: a query still iterating keeps a core busy the whole time.
 */
export async function engineIdleWithin(pid: number, seconds: number): Promise<boolean> {
  const ticksPerSecond = 100; // USER_HZ on Linux
  for (let i = 0; i < seconds; i++) {
    const before = engineTicks(pid);
    await new Promise((ok) => setTimeout(ok, 1_000));
    if (engineTicks(pid) - before < ticksPerSecond / 5) return true;
  }
  return false;
}
