/**
 * The explorer's only way to the data: POST /graphql on the same origin, like any client. Errors
 * come back as the API states them (message and extensions.code), never reworded. A document
 * (queries.ts) carries the types of its variables and its answer, so a call is checked both ways.
 */
import type { TypedDocumentString } from './generated/graphql.js';

const KEY_STORAGE = 'conflict-graph.apiKey';

export interface ApiProblem {
  message: string;
  code: string;
  field?: string;
}

export class ApiError extends Error {
  constructor(readonly problems: ApiProblem[]) {
    super(problems.map((p) => `${p.message} (${p.code})`).join('\n'));
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: unknown; field?: unknown } }[];
}

/** The researcher's key, kept for this tab only. */
export const apiKey = {
  get: (): string => sessionStorage.getItem(KEY_STORAGE) ?? '',
  set(key: string): void {
    if (key.trim()) sessionStorage.setItem(KEY_STORAGE, key.trim());
    else sessionStorage.removeItem(KEY_STORAGE);
  },
};

/** Runs one operation; resolves with its data, or rejects with an ApiError listing every error. */
export async function graphql<T, V>(document: TypedDocumentString<T, V>, variables: V): Promise<T> {
  const key = apiKey.get();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new ApiError([{ message: 'The API is not reachable. Is the server running?', code: 'NETWORK_ERROR' }]);
  }
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError([{ message: `The API answered HTTP ${response.status} without JSON.`, code: 'BAD_RESPONSE' }]);
  }
  if (body.errors?.length) {
    throw new ApiError(
      body.errors.map((e) => ({
        message: e.message,
        code: typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN',
        ...(typeof e.extensions?.field === 'string' ? { field: e.extensions.field } : {}),
      })),
    );
  }
  if (!body.data) throw new ApiError([{ message: 'The API answered without data.', code: 'BAD_RESPONSE' }]);
  return body.data;
}
