/** Scalars from graphql-scalars, under the names the SDL uses. */
import { GraphQLScalarType } from 'graphql';
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

export const scalarResolvers = {
  DateTime: new GraphQLScalarType({ ...DateTimeISOResolver.toConfig(), name: 'DateTime' }),
  URL: URLResolver,
  Latitude: LatitudeResolver,
  Longitude: LongitudeResolver,
  JSON: JSONResolver,
  IdempotencyKey,
};
