import type { ApolloServerPlugin } from '@apollo/server';
import { hasUnstorableCharacters } from '@par-index/domain';
import { GraphQLError, visit, type DocumentNode } from 'graphql';

function findInValue(value: unknown, path: string): string | null {
  if (typeof value === 'string') return hasUnstorableCharacters(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findInValue(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findInValue(item, `${path}.${key.slice(0, 50)}`);
      if (found) return found;
    }
  }
  return null;
}

// Apollo hands the same parsed document to every request with the same query text
const documentFindings = new WeakMap<DocumentNode, string | null>();

function findInDocument(document: DocumentNode): string | null {
  let found = documentFindings.get(document);
  if (found === undefined) documentFindings.set(document, (found = searchDocument(document)));
  return found;
}

function searchDocument(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    StringValue(node) {
      if (!found && hasUnstorableCharacters(node.value)) found = `string literal at offset ${node.loc?.start ?? '?'}`;
    },
  });
  return found;
}

/**
 * No text anywhere in a request may hold a NUL byte or an unpaired surrogate (neither can be
 * stored nor hashed reproducibly): refused as BAD_USER_INPUT before any resolver runs.
 */
export function unstorableTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const where = findInValue(request.variables ?? {}, 'variables') ?? findInDocument(document);
          if (where) {
            throw new GraphQLError(`Text must not contain NUL bytes or unpaired surrogates (${where}).`, {
              extensions: { code: 'BAD_USER_INPUT', category: 'invalid', details: { where } },
            });
          }
        },
      };
    },
  };
}
