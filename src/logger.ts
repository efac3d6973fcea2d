/** Structured logs (pino). Secrets are redacted by path so a key or password never reaches a log. */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * `destination` defaults to stdout: readable lines (pino-pretty) when it is a terminal, one JSON
 * object per line elsewhere (a log collector, a pipe, a file). Tests pass a stream to read what
 * would be logged.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: {
      paths: ['password', '*.password', 'apiKey', '*.apiKey', 'req.headers.authorization', 'req.headers["x-api-key"]'],
      censor: '[redacted]',
    },
  };
  if (destination) return pino(options, destination);
  if (process.stdout.isTTY) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } });
  }
  return pino(options);
}
