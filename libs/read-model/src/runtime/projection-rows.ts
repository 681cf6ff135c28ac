import type { EntityManager, EntitySchema, ObjectLiteral } from 'typeorm';
import type { AnyProjection } from './projection';

/** A row key (what `keyOf` returns) as a map key: its values in its own property order. */
export function rowKey(key: Partial<ObjectLiteral>): string {
  return JSON.stringify(Object.values(key));
}

const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Loads the rows of every key in a few statements (not one per key); absent keys map to null. */
export async function loadRows(
  manager: EntityManager,
  projection: AnyProjection,
  keys: readonly Partial<ObjectLiteral>[],
): Promise<Map<string, ObjectLiteral | null>> {
  const rows = new Map<string, ObjectLiteral | null>(keys.map((key) => [rowKey(key), null]));
  if (keys.length === 0) return rows;
  const names = Object.keys(keys[0]!);
  const repository = manager.getRepository(projection.entity);
  for (const part of chunks(keys)) {
    for (const row of await repository.find({ where: part as ObjectLiteral[] })) {
      rows.set(rowKey(Object.fromEntries(names.map((name) => [name, row[name]]))), row);
    }
  }
  return rows;
}

/** An entity's table as SQL sees it: column names (entity order), primary key, and a row mapped to them (transformers applied). */
export function tableOf(manager: EntityManager, entity: EntitySchema<ObjectLiteral>) {
  const { tableName, columns, primaryColumns } = manager.getRepository(entity).metadata;
  return {
    tableName,
    names: columns.map((column) => column.databaseName),
    primary: primaryColumns.map((column) => column.databaseName),
    toColumns(row: ObjectLiteral): Record<string, unknown> {
      const record: Record<string, unknown> = {};
      for (const column of columns) {
        const value = row[column.propertyName];
        const transformer = column.transformer;
        record[column.databaseName] = transformer && !Array.isArray(transformer) ? transformer.to(value) : value;
      }
      return record;
    },
  };
}

/** Upserts rows by primary key: one statement per chunk, the rows as one JSON parameter. */
export async function upsertRows(
  manager: EntityManager,
  entity: EntitySchema<ObjectLiteral>,
  rows: readonly ObjectLiteral[],
): Promise<void> {
  const { tableName, names, primary, toColumns } = tableOf(manager, entity);
  const updates = names.filter((name) => !primary.includes(name)).map((name) => `${name} = EXCLUDED.${name}`);
  for (const part of chunks(rows)) {
    await manager.query(
      `INSERT INTO ${tableName} (${names.join(', ')}) SELECT ${names.join(', ')} FROM jsonb_populate_recordset(NULL::${tableName}, $1::jsonb)
       ON CONFLICT (${primary.join(', ')}) ${updates.length > 0 ? `DO UPDATE SET ${updates.join(', ')}` : 'DO NOTHING'}`,
      [JSON.stringify(part.map(toColumns))],
    );
  }
}

/** Writes changed rows back with `upsertRows`; rows evolved to null are deleted. */
export async function writeRows(
  manager: EntityManager,
  projection: AnyProjection,
  changed: readonly { key: Partial<ObjectLiteral>; row: ObjectLiteral | null }[],
): Promise<void> {
  await upsertRows(
    manager,
    projection.entity,
    changed.flatMap(({ row }) => (row === null ? [] : [row])),
  );
  for (const { key, row } of changed) if (row === null) await manager.getRepository(projection.entity).delete(key);
}
