/** Scalars from graphql-scalars, under the names the SDL uses. */
import { GraphQLScalarType, Kind } from 'graphql';
import { readWrittenTime, WRITTEN_TIME_FORMS } from '../inputs/fields.js';
import { DateTimeISOResolver, JSONResolver, LatitudeResolver, LongitudeResolver, URLResolver } from 'graphql-scalars';

const IdempotencyKey = new GraphQLScalarType({
  name: 'IdempotencyKey',
  description: 'A client-chosen key of 1 to 200 printable characters.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
      throw new TypeError('An idempotency key is 1 to 200 printable ASCII characters without spaces.');
    }
    return value;
  },
});

// Checked here so a bad value is refused with the variable's path (format-error.ts); kept as
// written, and read into its window by the input rules (src/inputs/fields.ts, readWrittenTime).
const PartialDateTime = new GraphQLScalarType({
  name: 'PartialDateTime',
  description: 'A year, a month, a day, or an ISO 8601 date-time with a time zone.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || readWrittenTime(value) === null) throw new TypeError(`It ${WRITTEN_TIME_FORMS}.`);
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || readWrittenTime(ast.value) === null)
      throw new TypeError(`It ${WRITTEN_TIME_FORMS}.`);
    return ast.value;
  },
});

export const scalarResolvers = {
  PartialDateTime,
  DateTime: new GraphQLScalarType({ ...DateTimeISOResolver.toConfig(), name: 'DateTime' }),
  URL: URLResolver,
  Latitude: LatitudeResolver,
  Longitude: LongitudeResolver,
  JSON: JSONResolver,
  IdempotencyKey,
};
