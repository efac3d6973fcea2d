/**
 * API keys and roles. Keys are configured as `identity:role:sha256-hex-of-key` entries (comma
 * separated in API_KEYS), so the configuration never holds a usable key; a presented key is
 * hashed and compared in constant time. `npm run key` makes a key and its entry.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { appError, ErrorCode } from './errors.js';

export const ROLES = ['analyst', 'researcher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do beyond reading. admin includes researcher and analyst. */
const GRANTS: Record<Role, ReadonlySet<Role>> = {
  analyst: new Set(['analyst']),
  researcher: new Set(['researcher']),
  admin: new Set(['admin', 'researcher', 'analyst']),
};

export interface Viewer {
  identity: string;
  role: Role;
}

interface KeyEntry extends Viewer {
  hash: Buffer;
}

export class ConfigKeyError extends Error {}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function newKey(): string {
  return `cg_${randomBytes(24).toString('base64url')}`;
}

export class KeyRing {
  private readonly entries: KeyEntry[];

  constructor(spec: string) {
    this.entries = spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((entry) => {
        const [identity, role, hash] = entry.split(':');
        if (
          !identity ||
          !role ||
          !hash ||
          !/^[0-9a-f]{64}$/i.test(hash) ||
          !(ROLES as readonly string[]).includes(role)
        ) {
          throw new ConfigKeyError(
            `Invalid API_KEYS entry "${identity ?? ''}:…": expected identity:role:sha256hex with role one of ${ROLES.join(', ')} (npm run key makes one).`,
          );
        }
        return { identity, role: role as Role, hash: Buffer.from(hash, 'hex') };
      });
  }

  /** The viewer a presented key belongs to, or null. Compares every entry in constant time. */
  identify(key: string): Viewer | null {
    const presented = Buffer.from(hashKey(key), 'hex');
    let found: Viewer | null = null;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.hash, presented) && !found) found = { identity: entry.identity, role: entry.role };
    }
    return found;
  }
}

/** The key a request presents: `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
export function presentedKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const auth = headers['authorization'];
  if (typeof auth === 'string' && /^Bearer\s+\S+/i.test(auth)) return auth.replace(/^Bearer\s+/i, '').trim();
  const header = headers['x-api-key'];
  return typeof header === 'string' && header.trim() ? header.trim() : undefined;
}

/** Throws UNAUTHENTICATED without a viewer, FORBIDDEN when the viewer's role lacks `role`. */
export function requireRole(viewer: Viewer | null, role: Role): Viewer {
  if (!viewer) {
    throw appError(
      ErrorCode.UNAUTHENTICATED,
      `This needs an API key with the ${role} role: send it as "Authorization: Bearer <key>" (npm run key makes one).`,
    );
  }
  if (!GRANTS[viewer.role].has(role)) {
    throw appError(
      ErrorCode.FORBIDDEN,
      `Your key (${viewer.identity}, role ${viewer.role}) may not do this: it needs the ${role} role.`,
    );
  }
  return viewer;
}
