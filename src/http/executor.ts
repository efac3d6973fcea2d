/**
 * How operations are executed: graphql-js's interpreter (Apollo's own path) or queries compiled
 * by graphql-jit, plugged in through Apollo's documented executor interface (the `gateway`
 * option: a schema and an executor). Compiled queries are kept in an LRU keyed by the document's
 * hash and the operation's name, so a query the clients send again costs no compilation.
 *
 * graphql-js semantics are kept where the compiler differs: introspection, an operation it cannot
 * compile, and any request that fails before execution (variable coercion) run on graphql-js, so
 * their answers and error messages are graphql-js's own; the errors of a compiled run are rebuilt
 * as graphql-js GraphQLErrors (Apollo's formatting reads `extensions`, which the compiler leaves
 * undefined when the thrown error had none). Everything else of the pipeline (parsing,
 * validation and the query limits, plugins, formatError) stays Apollo's.
 */
import { createRequire } from 'node:module';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { DocumentNode, ExecutionResult, GraphQLError as GraphQLErrorType, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

// The graphql instance Apollo, @graphql-tools and graphql-jit load (its CommonJS build: graphql 16
// has no exports map, so Node resolves `main`), so that the schema, graphql-js's `execute` and the
// errors handed to Apollo are of one copy; a bundler or Vitest may give this module the ES build.
const { BREAK, execute, GraphQLError, visit } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export type ExecutorKind = 'jit' | 'graphql-js';

/** Distinct operations kept compiled; a client's operations number in the tens. */
const COMPILED_KEPT = 1_000;

type Compiled = CompiledQuery | 'interpret';

/** Whether the document asks the schema about itself (graphql-js answers introspection). */
function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** A compiled run's error as graphql-js builds it: extensions always an object, locations kept. */
function asGraphQLError(error: GraphQLErrorType): GraphQLErrorType {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
  if (error.locations) (rebuilt as { locations?: unknown }).locations = error.locations;
  return rebuilt;
}

export interface JitExecutor {
  executor: GatewayExecutor;
  /** How many operations are kept compiled (for tests). */
  readonly size: number;
}

/** An executor that runs compiled queries, falling back to graphql-js as described above. */
export function jitExecutor(schema: GraphQLSchema): JitExecutor {
  const cache = new LRUCache<string, Compiled>({ max: COMPILED_KEPT });
  const interpret = (
    document: DocumentNode,
    contextValue: unknown,
    variableValues: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ) => execute({ schema, document, contextValue, variableValues, operationName }) as Promise<ExecutionResult>;

  const compiledFor = (document: DocumentNode, hash: string, operationName: string | undefined): Compiled => {
    const key = `${hash}:${operationName ?? ''}`;
    let compiled = cache.get(key);
    if (!compiled) {
      const made = introspects(document)
        ? null
        : compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
      compiled = made && isCompiledQuery(made) ? made : 'interpret';
      cache.set(key, compiled);
    }
    return compiled;
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, request, context, queryHash } = requestContext;
    const operationName = request.operationName ?? undefined;
    const compiled = compiledFor(document, queryHash, operationName);
    if (compiled === 'interpret') return interpret(document, context, request.variables, operationName);
    const result = await compiled.query(undefined, context, request.variables ?? {});
    // No data at all: the request failed before execution (its variables); graphql-js words it.
    if (result.errors?.length && result.data === undefined) {
      return interpret(document, context, request.variables, operationName);
    }
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
  return {
    executor,
    get size() {
      return cache.size;
    },
  };
}

/**
 * Apollo's `gateway` option for a schema executed by `jitExecutor`: it loads once and never
 * updates. The schema is built as Apollo builds one from typeDefs and resolvers.
 */
export function jitGateway(typeDefs: string, resolvers: Parameters<typeof makeExecutableSchema>[0]['resolvers']) {
  const schema = makeExecutableSchema({ typeDefs, resolvers });
  const { executor } = jitExecutor(schema);
  const listeners = new Set<Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0]>();
  const gateway: GatewayInterface = {
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: typeDefs });
      return { executor };
    },
    async stop() {
      listeners.clear();
    },
  };
  return gateway;
}
