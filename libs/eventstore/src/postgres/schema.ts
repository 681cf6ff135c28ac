/** Names of the tables, lock and channel of one event store living in one PostgreSQL schema. */
export interface StoreNames {
  schema: string;
  streams: string; // quoted, schema-qualified
  events: string;
  channel: string; // LISTEN/NOTIFY channel, quoted
  channelName: string; // unquoted, as pg_notify expects
  lockKey: string; // text hashed into the advisory-lock key that serialises position assignment
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,40}$/;
const ROLE = /^[a-z_][a-z0-9_]{0,62}$/;

/** Group roles granted access by the migration (see libs/config DATABASE_GROUP_ROLES). */
export interface StoreRoles {
  /** SELECT + INSERT on events, the stream-head rows and the position sequence; nothing else */
  writer: string;
  /** SELECT only (the projector) */
  readers: readonly string[];
}

export const DEFAULT_STORE_ROLES: StoreRoles = { writer: 'par_index_writer', readers: ['par_index_projector'] };

export function storeNames(schema: string): StoreNames {
  if (!IDENTIFIER.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
  return {
    schema,
    streams: `"${schema}"."streams"`,
    events: `"${schema}"."events"`,
    channelName: `${schema}_events`,
    channel: `"${schema}_events"`,
    lockKey: `par-index.eventstore.${schema}.position`,
  };
}

/**
 * Idempotent DDL. Append-only: the trigger refuses UPDATE and DELETE through the ordinary path, so a
 * changed row can only come from someone disabling it on purpose, which `verify` then detects.
 */
export function migrationSql(n: StoreNames, roles: StoreRoles = DEFAULT_STORE_ROLES): string {
  return `${tablesSql(n)}${grantsSql(n, roles)}${appendFunctionSql(n, roles.writer)}`;
}

function tablesSql(n: StoreNames): string {
  return `
CREATE SCHEMA IF NOT EXISTS "${n.schema}";
CREATE TABLE IF NOT EXISTS ${n.streams} (
  stream_name text PRIMARY KEY,
  revision bigint NOT NULL,
  last_hash text NOT NULL
);
CREATE SEQUENCE IF NOT EXISTS "${n.schema}"."events_position_seq" AS bigint MINVALUE 0 START 0;
CREATE TABLE IF NOT EXISTS ${n.events} (
  position bigint PRIMARY KEY DEFAULT nextval('"${n.schema}"."events_position_seq"'),
  stream_name text NOT NULL,
  revision bigint NOT NULL,
  event_id uuid NOT NULL UNIQUE,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  hash text NOT NULL,
  previous_hash text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  CONSTRAINT events_stream_revision_key UNIQUE (stream_name, revision)
);
CREATE INDEX IF NOT EXISTS events_type_position_idx ON ${n.events} (type, position);
CREATE INDEX IF NOT EXISTS events_stream_name_pattern_idx ON ${n.events} (stream_name text_pattern_ops, position);
CREATE OR REPLACE FUNCTION "${n.schema}".refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only (% refused)', TG_OP;
END $$;
CREATE OR REPLACE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON ${n.events}
  FOR EACH ROW EXECUTE FUNCTION "${n.schema}".refuse_event_change();
CREATE OR REPLACE TRIGGER events_no_truncate BEFORE TRUNCATE ON ${n.events}
  FOR EACH STATEMENT EXECUTE FUNCTION "${n.schema}".refuse_event_change();
`;
}

/**
 * Least privilege: the writer may INSERT and SELECT events and move stream heads (INSERT, and
 * UPDATE of revision/last_hash, which SELECT ... FOR UPDATE needs too); it owns nothing, so it can
 * neither ALTER the table nor disable the append-only triggers. Readers only SELECT. The append
 * function runs with the caller's privileges, and only the writer may EXECUTE it.
 */
function grantsSql(n: StoreNames, roles: StoreRoles): string {
  const all = [roles.writer, ...roles.readers];
  const sequence = `"${n.schema}"."events_position_seq"`;
  return `
${all.map(createGroupRoleSql).join('\n')}
REVOKE ALL ON ${n.events}, ${n.streams} FROM PUBLIC;
REVOKE ALL ON SEQUENCE ${sequence} FROM PUBLIC;
GRANT USAGE ON SCHEMA "${n.schema}" TO ${all.join(', ')};
GRANT SELECT, INSERT ON ${n.events} TO ${roles.writer};
GRANT SELECT, INSERT, UPDATE (revision, last_hash) ON ${n.streams} TO ${roles.writer};
GRANT USAGE ON SEQUENCE ${sequence} TO ${roles.writer};
${roles.readers.length > 0 ? `GRANT SELECT ON ${n.events}, ${n.streams} TO ${roles.readers.join(', ')};` : ''}
`;
}

export const appendFunctionName = (n: StoreNames): string => `"${n.schema}".append_events`;
export const appendFunctionSignature = (n: StoreNames): string =>
  `${appendFunctionName(n)}(text[], bigint[], text[], text[], bigint[], text[], text[], bigint[], uuid[], text[], text[], text[], text[], text[])`;

/**
 * The append in ONE statement (one round trip, its own implicit transaction; called by
 * append-function.ts). It locks the stream rows in name order and compares them with the heads the caller hashed from; any difference
 * returns the actual heads and writes nothing (the caller re-plans). Otherwise it takes the position
 * lock (held until the commit that ends the statement), inserts the events in order, moves the heads
 * and notifies. SECURITY INVOKER: it runs with the caller's own privileges on the tables.
 */
export function appendFunctionSql(n: StoreNames, writer: string): string {
  const fn = appendFunctionName(n);
  return `
CREATE OR REPLACE FUNCTION ${fn}(
  p_streams text[], p_revisions bigint[], p_hashes text[],
  p_moved_streams text[], p_moved_revisions bigint[], p_moved_hashes text[],
  p_event_streams text[], p_event_revisions bigint[], p_event_ids uuid[], p_event_types text[],
  p_event_data text[], p_event_metadata text[], p_event_hashes text[], p_event_previous_hashes text[]
) RETURNS TABLE (o_stream text, o_revision bigint, o_hash text, o_position bigint, o_event_id uuid)
LANGUAGE plpgsql SECURITY INVOKER AS $fn$
BEGIN
  RETURN QUERY
    WITH locked AS MATERIALIZED (
      SELECT s.stream_name, s.revision, s.last_hash FROM ${n.streams} s
      WHERE s.stream_name = ANY (p_streams) ORDER BY s.stream_name FOR UPDATE
    )
    SELECT a.stream_name, coalesce(l.revision, -1), l.last_hash, NULL::bigint, NULL::uuid
    FROM unnest(p_streams, p_revisions, p_hashes) AS a(stream_name, revision, last_hash)
    LEFT JOIN locked l ON l.stream_name = a.stream_name
    WHERE coalesce(l.revision, -1) <> a.revision OR l.last_hash IS DISTINCT FROM a.last_hash;
  IF FOUND OR cardinality(p_event_ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('${n.lockKey}', 0));
  RETURN QUERY
    WITH inserted AS (
      INSERT INTO ${n.events} (stream_name, revision, event_id, type, data, metadata, hash, previous_hash)
      SELECT e.stream_name, e.revision, e.id, e.type, e.data::jsonb, e.metadata::jsonb, e.hash, e.previous_hash
      FROM unnest(p_event_streams, p_event_revisions, p_event_ids, p_event_types, p_event_data, p_event_metadata,
                  p_event_hashes, p_event_previous_hashes)
        WITH ORDINALITY AS e(stream_name, revision, id, type, data, metadata, hash, previous_hash, ord)
      ORDER BY e.ord
      RETURNING position, event_id
    ),
    moved AS (
      INSERT INTO ${n.streams} (stream_name, revision, last_hash)
      SELECT * FROM unnest(p_moved_streams, p_moved_revisions, p_moved_hashes)
      ON CONFLICT (stream_name) DO UPDATE SET revision = EXCLUDED.revision, last_hash = EXCLUDED.last_hash
    ),
    notified AS (SELECT pg_notify('${n.channelName}', (SELECT max(i.position) FROM inserted i)::text))
    SELECT NULL::text, NULL::bigint, NULL::text, i.position, i.event_id FROM inserted i CROSS JOIN notified;
END $fn$;
REVOKE ALL ON FUNCTION ${appendFunctionSignature(n)} FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ${appendFunctionSignature(n)} TO ${writer};
`;
}

/**
 * A group role (NOLOGIN) that holds grants, created if missing. Idempotent, and safe when several
 * databases of one cluster migrate at once (roles are cluster-wide): a concurrent creator makes
 * ours fail with a duplicate, which is ignored. The read-model migrations use it too.
 */
export function createGroupRoleSql(role: string): string {
  if (!ROLE.test(role)) throw new Error(`invalid role name ${JSON.stringify(role)}`);
  return `DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
    CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;`;
}
