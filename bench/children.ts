/**
 * Starts the benchmark's servers as child processes (`node --import tsx <file>`), waits for their
 * "LISTENING <url>" line, samples a child's resident memory from /proc, and stops them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

export interface Child {
  url: string;
  pid: number;
  /** CPU time the process has used so far (user + system), in ms. */
  cpuMs(): number;
  /** Largest resident set seen so far, in MB (VmHWM: the kernel's own high-water mark). */
  peakRssMb(): number;
  stop(): Promise<void>;
}

function statusField(pid: number, field: string): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux

/** CPU time (user + system) process `pid` has used, in ms, from /proc/<pid>/stat; 0 when gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start after the last ')'; utime and stime
    // are the 14th and 15th fields of the line, the 12th and 13th after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Starts `file`; everything it prints goes to `logFile` too (errors a server logs explain an "error" cell). */
export async function startChild(file: string, env: NodeJS.ProcessEnv, logFile: string): Promise<Child> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(HERE, file)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log.write(chunk);
    stderr = (stderr + chunk.toString()).slice(-3000);
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`${file} did not start in 120 s:\n${stderr}`)), 120_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /LISTENING (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        ok(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${file} exited (code ${code}) before listening:\n${stderr}`));
    });
  });
  const pid = child.pid ?? -1;
  let peak = 0;
  const peakRssMb = () => {
    peak = Math.max(peak, statusField(pid, 'VmHWM'));
    return peak;
  };
  return {
    url,
    pid,
    cpuMs: () => processCpuMs(pid),
    peakRssMb,
    async stop() {
      peakRssMb();
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
