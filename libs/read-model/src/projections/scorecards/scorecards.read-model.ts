import type { CriteriaSet } from '@par-index/scoring';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { AssessmentRow } from '../../entities/assessment.entity';
import type { BatchRows, DerivedReadModel } from '../../runtime/apply-batch';
import type { ProjectedEvent } from '../../runtime/projection';
import { loadRows, rowKey } from '../../runtime/projection-rows';
import type { CriteriaSetRow } from '../../entities/criteria-set.entity';
import { ASSESSMENT_PROJECTION_EVENT_TYPES, assessmentKeyOf, assessmentsProjection } from '../assessments/assessments.projection';
import { criteriaSetsProjection } from '../criteria-sets/criteria-sets.projection';
import { groupKeyOf, resetScorecardCache, scorecardCacheOf, type ScorecardCache } from './scorecard-cache';
import { groupUpdatedAt, rankScoredGroup, scoreAssessment } from './score-group';
import { writeGroupScorecards } from './write-scorecards';

type GroupKey = Pick<AssessmentRow, 'year' | 'level' | 'groupCode'>;

/** The assessment rows of the batch's streams as they are now: the batch's own, the rest loaded at once. */
async function currentAssessments(
  manager: EntityManager,
  events: readonly ProjectedEvent[],
  batch: BatchRows,
): Promise<Map<string, AssessmentRow | null>> {
  const folded = batch.get(assessmentsProjection.name);
  const current = new Map<string, AssessmentRow | null>();
  const missing: ObjectLiteral[] = [];
  for (const event of events) {
    const key = assessmentKeyOf(event.streamName);
    const id = rowKey(key);
    if (current.has(id)) continue;
    if (folded?.has(id)) {
      current.set(id, (folded.get(id) ?? null) as AssessmentRow | null);
    } else {
      current.set(id, null);
      missing.push(key);
    }
  }
  for (const [id, row] of await loadRows(manager, assessmentsProjection, missing)) current.set(id, row as AssessmentRow | null);
  return current;
}

/** The criteria-set versions the rows are bound to: from the cache, the rest loaded at once. */
async function loadSets(manager: EntityManager, cache: ScorecardCache, rows: readonly AssessmentRow[]): Promise<Map<string, CriteriaSet>> {
  const wanted = new Map<string, { code: string; version: number }>();
  for (const row of rows) {
    const key = `${row.criteriaSetCode}\u0000${row.criteriaSetVersion}`;
    if (!cache.sets.has(key)) wanted.set(key, { code: row.criteriaSetCode, version: row.criteriaSetVersion });
  }
  for (const row of (await loadRows(manager, criteriaSetsProjection, [...wanted.values()])).values()) {
    if (row) cache.sets.set(`${row.code}\u0000${row.version}`, (row as CriteriaSetRow).criteriaSet);
  }
  return cache.sets;
}

/** The groups whose scorecards hold these unit-years now (a unit-year that changed group leaves one behind). */
async function groupsRankedIn(manager: EntityManager, rows: readonly AssessmentRow[]): Promise<GroupKey[]> {
  if (rows.length === 0) return [];
  const found: { year: number; level: string; group_code: string }[] = await manager.query(
    `SELECT DISTINCT s.year, s.level, s.group_code FROM scorecards s
     JOIN jsonb_to_recordset($1::jsonb) AS k(unit_id text, year int) USING (unit_id, year)`,
    [JSON.stringify(rows.map((row) => ({ unit_id: row.unitId, year: row.year })))],
  );
  return found.map((row) => ({ year: row.year, level: row.level, groupCode: row.group_code }));
}

interface Member {
  year: number;
  level: string;
  group_code: string;
  unit_id: string;
  last_position: string;
}

/** Brings the touched groups' cached members in line with the table (rescoring only what changed), then writes their rows. */
async function refreshGroups(
  manager: EntityManager,
  cache: ScorecardCache,
  groups: readonly GroupKey[],
  fresh: ReadonlyMap<string, AssessmentRow>,
): Promise<void> {
  const groupsJson = JSON.stringify(groups.map((g) => ({ year: g.year, level: g.level, group_code: g.groupCode })));
  const members: Member[] = await manager.query(
    `SELECT a.year, a.level, a.group_code, a.unit_id, a.last_position::text AS last_position FROM assessments a
     JOIN jsonb_to_recordset($1::jsonb) AS g(year int, level text, group_code text) USING (year, level, group_code)`,
    [groupsJson],
  );
  const byGroup = new Map<string, Member[]>(groups.map((g) => [groupKeyOf(g), []]));
  for (const member of members)
    byGroup.get(groupKeyOf({ year: member.year, level: member.level, groupCode: member.group_code }))?.push(member);
  const rows: { key: string; row: AssessmentRow }[] = [];
  const toLoad: { key: string; id: ObjectLiteral }[] = [];
  // rows to delete exist only where a member left, a group was not cached yet, or a member is not scored
  let membersMayHaveLeft = false;
  for (const [key, list] of byGroup) {
    const cached = cache.group(key);
    if (cached.size === 0) membersMayHaveLeft = true;
    const present = new Set(list.map((m) => m.unit_id));
    for (const unitId of [...cached.keys()]) {
      if (present.has(unitId)) continue;
      cache.remove(key, unitId);
      membersMayHaveLeft = true;
    }
    for (const member of list) {
      if (cached.get(member.unit_id)?.lastPosition === member.last_position) continue;
      const row = fresh.get(rowKey({ unitId: member.unit_id, year: member.year }));
      if (row && String(row.lastPosition) === member.last_position) rows.push({ key, row });
      else toLoad.push({ key, id: { unitId: member.unit_id, year: member.year } });
    }
  }
  const loaded = await loadRows(
    manager,
    assessmentsProjection,
    toLoad.map((l) => l.id),
  );
  for (const { key, id } of toLoad) {
    const row = loaded.get(rowKey(id));
    if (row) rows.push({ key, row: row as AssessmentRow });
  }
  const sets = await loadSets(
    manager,
    cache,
    rows.map((r) => r.row),
  );
  for (const { key, row } of rows) {
    const scored = scoreAssessment(row, sets.get(`${row.criteriaSetCode}\u0000${row.criteriaSetVersion}`));
    cache.put(key, { lastPosition: String(row.lastPosition), row, scored });
  }
  const scorecards = groups.flatMap((group) => {
    const entries = [...cache.group(groupKeyOf(group)).values()];
    if (entries.some((entry) => entry.scored === undefined)) membersMayHaveLeft = true;
    return rankScoredGroup(
      entries.flatMap((entry) => entry.scored ?? []),
      groupUpdatedAt(entries.map((entry) => entry.row)),
    );
  });
  await writeGroupScorecards(manager, groups, scorecards, membersMayHaveLeft);
}

/**
 * Rescores and reranks every group an event batch touched (and the group a unit-year left), in a
 * fixed number of statements. Only the batch's changed assessments are rescored; the rest of each
 * group comes from the cache.
 */
export const scorecardsReadModel: DerivedReadModel = {
  name: 'scorecards',
  eventTypes: ASSESSMENT_PROJECTION_EVENT_TYPES,
  async refresh(manager, events, batch) {
    const cache = scorecardCacheOf(manager.connection);
    cache.trim();
    const fresh = new Map<string, AssessmentRow>();
    const groups = new Map<string, GroupKey>();
    for (const [id, row] of await currentAssessments(manager, events, batch)) {
      if (!row) continue;
      fresh.set(id, row);
      groups.set(groupKeyOf(row), { year: row.year, level: row.level, groupCode: row.groupCode });
    }
    for (const group of await groupsRankedIn(manager, [...fresh.values()])) groups.set(groupKeyOf(group), group);
    if (groups.size > 0) await refreshGroups(manager, cache, [...groups.values()], fresh);
  },
  reset: resetScorecardCache,
};
