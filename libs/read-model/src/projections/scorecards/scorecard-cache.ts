import type { CriteriaSet } from '@par-index/scoring';
import type { DataSource } from 'typeorm';
import type { AssessmentRow } from '../../entities/assessment.entity';
import type { ScoredAssessment } from './score-group';

/** What ranking a group needs of one assessment, without its leaves (kept small in memory). */
export interface CachedAssessment {
  /** the assessments row's last_position when it was scored: a different one means rescore */
  lastPosition: string;
  row: AssessmentRow;
  scored: ScoredAssessment | undefined;
}

export const groupKeyOf = (row: Pick<AssessmentRow, 'year' | 'level' | 'groupCode'>) =>
  `${row.year}\u0000${row.level}\u0000${row.groupCode}`;

// Above this many cached assessments the cache starts over (memory stays bounded at national scale).
const MAX_CACHED = 50_000;

/**
 * The scored assessments of the groups this connection's projector has ranked, so a batch rescoring
 * one unit does not reload and rescore its whole group. Only a cache: each use checks every member's
 * last_position against the table, and a transaction that did not commit clears it.
 */
export class ScorecardCache {
  private readonly groups = new Map<string, Map<string, CachedAssessment>>();
  /** criteria-set versions by code and version: a version's tree never changes once its row exists */
  readonly sets = new Map<string, CriteriaSet>();
  private size = 0;

  group(key: string): Map<string, CachedAssessment> {
    let members = this.groups.get(key);
    if (!members) this.groups.set(key, (members = new Map()));
    return members;
  }

  put(groupKey: string, entry: CachedAssessment): void {
    const members = this.group(groupKey);
    if (!members.has(entry.row.unitId)) this.size += 1;
    members.set(entry.row.unitId, slim(entry));
  }

  remove(groupKey: string, unitId: string): void {
    const members = this.groups.get(groupKey);
    if (!members?.delete(unitId)) return;
    this.size -= 1;
  }

  trim(): void {
    if (this.size > MAX_CACHED) this.clear();
  }

  clear(): void {
    this.groups.clear();
    this.sets.clear();
    this.size = 0;
  }
}

function slim(entry: CachedAssessment): CachedAssessment {
  const row = { ...entry.row, leafInputs: {} };
  const scored = entry.scored && { row, scorecard: { ...entry.scored.scorecard, leaves: [] } };
  return { lastPosition: entry.lastPosition, row, scored };
}

const caches = new WeakMap<DataSource, ScorecardCache>();

/** One cache per connection (a read-model version's projector). */
export function scorecardCacheOf(dataSource: DataSource): ScorecardCache {
  let cache = caches.get(dataSource);
  if (!cache) caches.set(dataSource, (cache = new ScorecardCache()));
  return cache;
}

export function resetScorecardCache(dataSource: DataSource): void {
  caches.get(dataSource)?.clear();
}
