import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticateRequest } from '../auth/authenticate';
import type { VerifyToken } from '../auth/token-verifier';
import type { ResponseCache } from './response-cache';

/** Accept headers Apollo answers with `application/json; charset=utf-8` (the type a kept answer is sent with). */
const PLAIN_JSON_ACCEPT = new Set([undefined, '*/*', 'application/json']);

type Request = IncomingMessage & { body?: unknown };

/**
 * Answers a repeated read-model query from the response cache before Apollo parses, validates,
 * prices or executes anything: an answer is only kept after a full run of the same query text,
 * variables and caller scope, so every check it passed then would pass again. Anything else (a miss,
 * a bad token, an unusual Accept header, a read-model error) goes on to Apollo unchanged.
 */
export function responseCacheMiddleware(cache: ResponseCache, verifyToken: VerifyToken) {
  return (request: Request, response: ServerResponse, next: () => void): void => {
    const body = request.body;
    if (
      !cache.enabled ||
      request.method !== 'POST' ||
      typeof body !== 'object' ||
      body === null ||
      Array.isArray(body) ||
      !PLAIN_JSON_ACCEPT.has(request.headers.accept)
    ) {
      next();
      return;
    }
    const answer = async (): Promise<Buffer | undefined> => {
      const key = await cache.keyOf(body, await authenticateRequest(request, verifyToken));
      if (key === null) return undefined;
      const hit = cache.lookup(key);
      if (hit === undefined) cache.expect(request, key);
      return hit;
    };
    answer().then(
      (hit) => {
        if (hit === undefined) return next();
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': hit.length }).end(hit);
      },
      () => next(),
    );
  };
}
