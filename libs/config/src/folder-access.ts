import { statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config';

/** Throws a clear error when a non-owner cannot traverse some ancestor of `folder` (e.g. /root). */
export function assertTraversableByOthers(folder: string): void {
  let current = path.resolve(folder);
  for (;;) {
    const othersMayEnter = (statSync(current).mode & 0o001) !== 0;
    if (!othersMayEnter) {
      throw new ConfigError(
        `The embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${current}. ` +
          'Set PAR_DATA_DIR to a folder outside it (for example /tmp/par-index) or chmod o+x that folder.',
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
