import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** Any JSON value, served as JSON (not as a string holding JSON). Output only in practice. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value (object, array, string, number, boolean or null), served as JSON.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: function literal(ast: ValueNode, variables?: Record<string, unknown> | null): unknown {
    switch (ast.kind) {
      case Kind.STRING:
      case Kind.BOOLEAN:
        return ast.value;
      case Kind.INT:
      case Kind.FLOAT:
        return Number(ast.value);
      case Kind.NULL:
        return null;
      case Kind.LIST:
        return ast.values.map((value) => literal(value, variables));
      case Kind.OBJECT: {
        const object: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
        for (const field of ast.fields) object[field.name.value] = literal(field.value, variables);
        return object;
      }
      case Kind.VARIABLE:
        return variables?.[ast.name.value];
      default:
        return undefined;
    }
  },
});
