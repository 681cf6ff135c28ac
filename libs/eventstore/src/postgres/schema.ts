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
  return `${tablesSql(n)}${grantsSql(n, roles)}`;
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
 * neither ALTER the table nor disable the append-only triggers. Readers only SELECT.
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
