export { loadConfig, ConfigError, type ParConfig, type AuthConfig } from './config';
export { startEmbeddedPostgres, EMBEDDED_DATABASE, type RunningPostgres, type EmbeddedPostgresOptions } from './embedded-postgres';
export { isPortFree, findFreePort } from './port-check';
export { createLogger, type Logger } from './logger';
export { openDatabase, embeddedRoleUrls, type DatabaseHandle } from './database';
export {
  DATABASE_GROUP_ROLES,
  assertRoleName,
  provisionLoginRoles,
  describeConnectionRole,
  type DatabaseRole,
  type RoleUrls,
} from './database-roles';
export { readOrCreateSecretFile } from './secret-file';
export { resolveTokenKey, embeddedSecretPath, type TokenKey } from './auth-key';
