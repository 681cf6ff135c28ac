import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, visit, type DocumentNode } from 'graphql';
import type { Caller } from '../auth/identity';
import { unauthenticated } from '../errors/to-graphql-error';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

// Apollo hands the same parsed document to every request with the same query text
const introspecting = new WeakMap<DocumentNode, boolean>();

function introspects(document: DocumentNode): boolean {
  let known = introspecting.get(document);
  if (known === undefined) introspecting.set(document, (known = findsIntrospection(document)));
  return known;
}

function findsIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (!INTROSPECTION_FIELDS.has(node.name.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * Introspection is on in every environment (Apollo would switch it off under NODE_ENV=production);
 * with `authenticated`, an anonymous caller's introspection is refused as UNAUTHENTICATED (401),
 * so clients with a token keep generating code against the live schema.
 */
export function introspectionPolicyPlugin(policy: 'everyone' | 'authenticated'): ApolloServerPlugin<{ caller?: Caller }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document }) {
          if (policy === 'authenticated' && (contextValue.caller ?? null) === null && introspects(document)) {
            throw unauthenticated('Introspection needs a bearer token in this deployment (Authorization: Bearer <token>)');
          }
        },
      };
    },
  };
}
