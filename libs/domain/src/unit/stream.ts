import { requireNonEmptyId } from '../shared/guards';

export const UNIT_STREAM_PREFIX = 'unit-';

export function unitStreamName(unitId: string): string {
  return `${UNIT_STREAM_PREFIX}${requireNonEmptyId(unitId, 'unitId')}`;
}

/** The unit id from a stream name, or null when the name is not a unit stream. */
export function parseUnitStreamName(streamName: string): { unitId: string } | null {
  if (!streamName.startsWith(UNIT_STREAM_PREFIX)) return null;
  const unitId = streamName.slice(UNIT_STREAM_PREFIX.length);
  return /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/.test(unitId) ? { unitId } : null;
}
