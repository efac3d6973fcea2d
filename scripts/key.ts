/**
 * `npm run key -- --name alice --role researcher`: makes a new API key. Prints the key (give it
 * to alice; it is shown once and stored nowhere) and the API_KEYS entry that holds only its
 * SHA-256 hash.
 */
import { parseArgs } from 'node:util';
import { hashKey, newKey, ROLES, type Role } from '../src/auth.js';

function fail(message: string): never {
  console.error(`npm run key: ${message}\nUsage: npm run key -- --name <identity> --role <${ROLES.join('|')}>`);
  process.exit(2);
}

let values: { name?: string; role?: string };
try {
  ({ values } = parseArgs({ options: { name: { type: 'string' }, role: { type: 'string' } }, strict: true }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const name = values.name?.trim();
if (!name || !/^[A-Za-z0-9._@-]{1,100}$/.test(name))
  fail('--name is required: letters, digits, . _ @ - (it is the identity written in the audit trail).');
if (!values.role || !(ROLES as readonly string[]).includes(values.role))
  fail(`--role must be one of ${ROLES.join(', ')}.`);

const role = values.role as Role;
const key = newKey();
console.log(`key (give it to ${name}; it is not stored anywhere):\n  ${key}\n`);
console.log(`API_KEYS entry (comma-separate several):\n  ${name}:${role}:${hashKey(key)}\n`);
console.log(`Use it as:  Authorization: Bearer ${key}`);
