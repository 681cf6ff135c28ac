export { loadConfig, ConfigError, type ParConfig, type AuthConfig } from './config';
export { startEmbeddedPostgres, EMBEDDED_DATABASE, type RunningPostgres, type EmbeddedPostgresOptions } from './embedded-postgres';
export { isPortFree, findFreePort } from './port-check';
export { createLogger, type Logger } from './logger';
export { openDatabase, type DatabaseHandle } from './database';
export { resolveTokenKey, embeddedSecretPath, type TokenKey } from './auth-key';
