import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config';

/**
 * A secret generated once and kept in a file only its owner may read (0600, folder 0700). A file
 * that others can read is refused rather than silently trusted.
 */
export function readOrCreateSecretFile(file: string, create: () => string = () => randomBytes(32).toString('hex')): string {
  if (existsSync(file)) {
    const mode = statSync(file).mode & 0o077;
    if (mode !== 0)
      throw new ConfigError(`${file} is readable by others (mode ${(statSync(file).mode & 0o777).toString(8)}): chmod 600 it`);
    return readFileSync(file, 'utf8').trim();
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx': of two processes starting together, one writes and both read the same secret
    writeFileSync(file, `${create()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}
