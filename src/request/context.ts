/** The per-request context: a database scope (which counts round trips), loaders and the viewer. */
import type { Config } from '../config.js';
import type { DbScope } from '../graph/core/database.js';
import type { Viewer } from '../auth.js';
import type { Logger } from '../logger.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  db: DbScope;
  loaders: Loaders;
  viewer: Viewer | null;
  config: Config;
  log: Logger;
}

export function createContext(db: DbScope, viewer: Viewer | null, config: Config, log: Logger): Context {
  return { db, loaders: createLoaders(db), viewer, config, log };
}
