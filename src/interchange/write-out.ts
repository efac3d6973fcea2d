/** Writing an export to a stream, waiting when the reader is slower (never the whole file in memory). */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export async function put(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
