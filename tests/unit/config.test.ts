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

  it('leaves tracing off unless an exporter is named, and builds the traces endpoint', () => {
    expect(loadConfig({}).tracing.exporter).toBe('none');
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing.exporter).toBe('none');
    const on = loadConfig({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' });
    expect(on.tracing).toMatchObject({
      exporter: 'otlp',
      endpoint: 'http://collector:4318/v1/traces',
      serviceName: 'conflict-graph',
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
    });
    const own = loadConfig({
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:9999/in',
    });
    expect(own.tracing.endpoint).toBe('http://traces:9999/in');
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'true' }).tracing.exporter).toBe('none');
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(
      /Invalid OTEL_EXPORTER_OTLP_PROTOCOL="grpc": only http\/protobuf/,
    );
    expect(() => loadConfig({ OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(/Invalid OTEL_TRACES_SAMPLER/);
  });
});
