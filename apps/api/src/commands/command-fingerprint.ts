import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]);
  }
  return value;
}

/**
 * What a command asks for, independent of who sends it and when: its kind and arguments in a
 * canonical form (sorted keys, no undefined). Equal fingerprints ⇔ the same command.
 */
export function commandFingerprint(kind: string, args: object): string {
  return createHash('sha256')
    .update(JSON.stringify([kind, canonical(args)]))
    .digest('hex');
}
