import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('fills every default when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.localNeo4j).toEqual({
      port: 7687,
      dataDir: '.data/neo4j',
      heap: '768m',
      pageCache: '256m',
      nice: 10,
      txMemory: '256m',
    });
    expect(config.introspection).toBe(true);
  });

  it('turns introspection and the landing page off in production by default', () => {
    const config = loadConfig({ NODE_ENV: 'production' });
    expect(config.introspection).toBe(false);
    expect(config.landingPage).toBe(false);
    expect(config.roundTrips).toBe(false);
  });

  it('reports round trips in production when asked (the bench measures the production setup)', () => {
    expect(loadConfig({ NODE_ENV: 'production', ROUND_TRIPS: 'true' }).roundTrips).toBe(true);
    expect(loadConfig({}).roundTrips).toBe(true);
  });

  it('refuses an invalid value in one line that names the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^Invalid PORT="eighty": /);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/Invalid NEO4J_URI/);
    expect(() => loadConfig({ NEO4J_LOCAL_HEAP: 'lots' })).toThrow(/Invalid NEO4J_LOCAL_HEAP/);
  });
});
