import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';

/** One value in COPY's text format: \N for null, objects as JSON, and backslash, tab, newline and return escaped. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return NEEDS_ESCAPE.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : text;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

const CHUNK_ROWS = 1_000;

function* copyLines(rows: readonly (readonly unknown[])[]): Generator<string> {
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    let chunk = '';
    for (const row of rows.slice(i, i + CHUNK_ROWS)) chunk += `${row.map(copyText).join('\t')}\n`;
    yield chunk;
  }
}

/**
 * Inserts rows with COPY, inside the manager's transaction: several times faster than multi-row
 * INSERTs for the bulk of a rebuild. Insert only: a row already present fails the batch loudly.
 */
export async function copyRows(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const runner = manager.queryRunner;
  if (!runner) throw new Error('copyRows needs a transaction');
  const client = (await runner.connect()) as PoolClient;
  await pipeline(Readable.from(copyLines(rows)), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}
