import { unpublishedScope } from '../../auth/access-policy';
import type { Caller } from '../../auth/identity';
import { EVERY_ROW, PUBLISHED, PUBLISHED_ROWS } from '../ranking/group-ranking';
import type { GroupScorecardRow } from '../ranking/ranking-rows.sql';

/**
 * The rows a unit's result is ranked among, for this caller:
 * - roles that read every result: the published ranking for a published result; the live ranking
 *   (every opened assessment) for an unpublished one or when `live` is asked for;
 * - anonymous callers and unit officers: the results they may see (published ones, and a unit
 *   officer's own units), so a rank or group size reveals nothing about other units' drafts.
 */
export function rankedAmong(caller: Caller, live: boolean, status: string): (row: GroupScorecardRow) => boolean {
  const scope = unpublishedScope(caller);
  if (scope === '*') return live || status !== PUBLISHED ? EVERY_ROW : PUBLISHED_ROWS;
  return (row) => row.status === PUBLISHED || scope.includes(row.unitId);
}
