import type { ParConfig, Logger } from '@par-index/config';
import type { EventStore } from '@par-index/eventstore';
import type { DataSource } from 'typeorm';
import type { VerifyToken } from '../auth/token-verifier';

/** Everything the API needs from outside, created before Nest boots (and by tests, for real). */
export interface Infrastructure {
  config: ParConfig;
  logger: Logger;
  eventStore: EventStore;
  readModel: DataSource;
  /** projection names whose checkpoints a mutation waits for (read-your-writes) */
  projectionNames: readonly string[];
  /** checks a request's bearer token (createTokenVerifier) */
  verifyToken: VerifyToken;
}

export const INFRASTRUCTURE = Symbol('INFRASTRUCTURE');
