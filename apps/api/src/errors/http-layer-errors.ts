import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { truncateText } from './echo-limit';

/** Largest JSON request body the API parses (a national criteria tree fits many times over). */
export const JSON_BODY_LIMIT = '1mb';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  431: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
};

/** A GraphQL-shaped error body for failures that happen before GraphQL sees the request. */
export function httpErrorBody(status: number, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code: CODE_BY_STATUS[status] ?? 'BAD_REQUEST', category: 'invalid' } }] });
}

interface BodyParserError {
  status?: number;
  statusCode?: number;
  type?: string;
  message?: string;
}
interface MinimalResponse {
  headersSent: boolean;
  status(code: number): MinimalResponse;
  type(contentType: string): MinimalResponse;
  send(body: string): unknown;
}

function messageOf(error: BodyParserError, status: number): string {
  if (error.type === 'entity.parse.failed') return 'The request body is not valid JSON';
  if (status === 413) return `The request body exceeds ${JSON_BODY_LIMIT}`;
  return truncateText(error.message ?? STATUS_CODES[status] ?? 'Bad request');
}

/** Express error middleware right after the body parser: malformed JSON, 413, bad encodings. */
export function bodyParserErrorMiddleware(
  error: BodyParserError,
  _request: unknown,
  response: MinimalResponse,
  next: (error?: unknown) => void,
): void {
  const status = error?.status ?? error?.statusCode;
  if (response.headersSent || typeof status !== 'number' || status < 400 || status > 499) return next(error);
  response
    .status(status)
    .type('application/json')
    .send(httpErrorBody(status, messageOf(error, status)));
}

/**
 * Node answers malformed requests and oversized headers (431) itself, with an empty body; this
 * answers them GraphQL-shaped instead.
 */
export function answerClientErrorsAsGraphQL(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = httpErrorBody(status, status === 431 ? 'The request headers are too large' : 'Malformed HTTP request');
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
