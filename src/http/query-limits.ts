/**
 * Query limits: depth, cost, aliases, directives and tokens, from config.limits. GraphQL Armor's
 * validation rules measure each operation; a refusal is reported as a validation error carrying
 * its own code and the limit, which `formatError` shows as is (Apollo files every validation
 * error under GRAPHQL_VALIDATION_FAILED, so the code travels on the original error).
 *
 * Tokens are counted by graphql-js's own parser (`parseOptions.maxTokens`): Armor's token counter
 * is an Envelop parse hook, and Apollo Server has no hook to replace its parser; graphql-js stops
 * at the same point, before the document grows any further. Batched HTTP requests stay off
 * (Apollo's default): one operation per request, so every limit here is a limit per request.
 */
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import type { Config } from '../config.js';
import { ErrorCode } from '../errors.js';

type Limits = Config['limits'];

/** A limit refusal: what `formatError` recognises on a validation or parse error. */
export interface LimitRefusal {
  code: ErrorCode;
  message: string;
  limit: number;
}

function refusal(code: ErrorCode, limit: number, message: string): LimitRefusal {
  return { code, limit, message };
}

/** Reports the refusal on the validation context instead of throwing, so graphql-js collects it. */
function reportAs(make: (found: string) => LimitRefusal) {
  return [
    (context: ValidationContext | null, error: GraphQLError) => {
      // Armor's own message ends with "found N." — keep that figure for the client.
      const found = /found (\d+(?:\.\d+)?)/.exec(error.message)?.[1] ?? 'more';
      const { code, message, limit } = make(found);
      context?.reportError(new GraphQLError(message, { extensions: { code, limit } }));
    },
  ];
}

export function queryLimitRules(limits: Limits): ValidationRule[] {
  const common = { propagateOnRejection: false, exposeLimits: true } as const;
  return [
    maxDepthRule({
      ...common,
      n: limits.maxDepth,
      onReject: reportAs((found) =>
        refusal(
          ErrorCode.QUERY_TOO_DEEP,
          limits.maxDepth,
          `This query nests ${found} levels deep; the limit is ${limits.maxDepth}. Ask for fewer nested levels, or follow the ids in a second query.`,
        ),
      ),
    }),
    costLimitRule({
      ...common,
      maxCost: limits.maxCost,
      onReject: reportAs((found) =>
        refusal(
          ErrorCode.QUERY_TOO_COSTLY,
          limits.maxCost,
          `This query's estimated cost is ${found}; the limit is ${limits.maxCost}. Ask for fewer fields, a smaller first:, or fewer nested lists.`,
        ),
      ),
    }),
    maxAliasesRule({
      ...common,
      n: limits.maxAliases,
      onReject: reportAs((found) =>
        refusal(
          ErrorCode.TOO_MANY_ALIASES,
          limits.maxAliases,
          `This query uses ${found} aliases; the limit is ${limits.maxAliases}. Send fewer aliased fields per request.`,
        ),
      ),
    }),
    maxDirectivesRule({
      ...common,
      n: limits.maxDirectives,
      onReject: reportAs((found) =>
        refusal(
          ErrorCode.TOO_MANY_DIRECTIVES,
          limits.maxDirectives,
          `This query uses ${found} directives; the limit is ${limits.maxDirectives}. Send fewer @include/@skip directives per request.`,
        ),
      ),
    }),
  ];
}

export function queryParseOptions(limits: Limits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

const LIMIT_CODES: ReadonlySet<string> = new Set([
  ErrorCode.QUERY_TOO_DEEP,
  ErrorCode.QUERY_TOO_COSTLY,
  ErrorCode.TOO_MANY_ALIASES,
  ErrorCode.TOO_MANY_DIRECTIVES,
]);

// graphql-js's words when parseOptions.maxTokens stops the parser (16.x writes "more that").
const TOKEN_LIMIT = /Document contains more (?:than|that) (\d+) tokens/;

/**
 * The limit refusal behind an error Apollo reports, if it is one: a validation error whose
 * original error came from a rule above, or the parser stopping at the token limit.
 */
export function limitRefusal(error: unknown): LimitRefusal | null {
  // Duck-typed, not instanceof: Apollo and graphql-armor may load graphql's CommonJS build while
  // this module gets its ES build, and each has its own GraphQLError class.
  if (!isCoded(error)) return null;
  const original = error.originalError;
  if (isCoded(original)) {
    const code = original.extensions.code;
    if (typeof code === 'string' && LIMIT_CODES.has(code)) {
      return { code: code as ErrorCode, message: original.message, limit: Number(original.extensions.limit) };
    }
  }
  const tokens = TOKEN_LIMIT.exec(error.message);
  if (error.extensions.code === 'GRAPHQL_PARSE_FAILED' && tokens) {
    const limit = Number(tokens[1]);
    return refusal(
      ErrorCode.TOO_MANY_TOKENS,
      limit,
      `This document has more than ${limit} tokens, the limit; it was not parsed further. Send a shorter query (fewer fields, aliases or arguments).`,
    );
  }
  return null;
}

interface CodedError {
  message: string;
  extensions: Record<string, unknown>;
  originalError?: unknown;
}

function isCoded(error: unknown): error is CodedError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as CodedError).message === 'string' &&
    typeof (error as CodedError).extensions === 'object' &&
    (error as CodedError).extensions !== null
  );
}
