import type { CriteriaSet } from '@par-index/scoring';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { AssessmentRow } from '../../entities/assessment.entity';
import type { BatchRows, DerivedReadModel } from '../../runtime/apply-batch';
import type { ProjectedEvent } from '../../runtime/projection';
import { loadRows, rowKey } from '../../runtime/projection-rows';
import { ASSESSMENT_PROJECTION_EVENT_TYPES, assessmentKeyOf, assessmentsProjection } from '../assessments/assessments.projection';
import { groupKeyOf, resetScorecardCache, scorecardCacheOf, type ScorecardCache } from './scorecard-cache';
import { groupUpdatedAt, rankScoredGroup, scoreAssessment } from './score-group';
import { writeGroupScorecards } from './write-scorecards';

type GroupKey = Pick<AssessmentRow, 'year' | 'level' | 'groupCode'>;

/** The assessment rows of the batch's streams as they are now: the batch's own, the rest loaded at once. */
async function currentAssessments(manager: EntityManager, events: readonly ProjectedEvent[], batch: BatchRows): Promise<Map<string, AssessmentRow | null>> {
  const folded = batch.get(assessmentsProjection.name);
  const current = new Map<string, AssessmentRow | null>();
  const missing: ObjectLiteral[] = [];
  for (const event of events) {
    const key = assessmentKeyOf(event.streamName);
    const id = rowKey(key);
    if (current.has(id)) continue;
    if (folded?.has(id)) current.set(id, (folded.get(id) ?? null) as AssessmentRow | null);
    else (current.set(id, null), missing.push(key));
  }
  for (const [id, row] of await loadRows(manager, assessmentsProjection, missing)) current.set(id, row as AssessmentRow | null);
  return current;
}

async function loadSets(manager: EntityManager, rows: readonly AssessmentRow[]): Promise<Map<string, CriteriaSet>> {
  const wanted = new Map(rows.map((row) => [`${row.criteriaSetCode}\u0000${row.criteriaSetVersion}`, { code: row.criteriaSetCode, version: row.criteriaSetVersion }]));
  const sets = new Map<string, CriteriaSet>();
  if (wanted.size === 0) return sets;
  const found: { code: string; version: number; criteria_set: CriteriaSet }[] = await manager.query(
    'SELECT code, version, criteria_set FROM criteria_sets s JOIN jsonb_to_recordset($1::jsonb) AS w(code text, version int) USING (code, version)',
    [JSON.stringify([...wanted.values()])],
  );
  for (const row of found) sets.set(`${row.code}\u0000${row.version}`, row.criteria_set);
  return sets;
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

/** Brings one group's cached members in line with the table (rescoring only what changed), then writes its rows. */
async function refreshGroup(manager: EntityManager, cache: ScorecardCache, group: GroupKey, fresh: ReadonlyMap<string, AssessmentRow>): Promise<void> {
  const key = groupKeyOf(group);
  const members: { unit_id: string; last_position: string }[] = await manager.query(
    'SELECT unit_id, last_position FROM assessments WHERE year = $1 AND level = $2 AND group_code = $3',
    [group.year, group.level, group.groupCode],
  );
  const cached = cache.group(key);
  const present = new Set(members.map((m) => m.unit_id));
  for (const unitId of [...cached.keys()]) if (!present.has(unitId)) cache.remove(key, unitId);
  const stale = members.filter((m) => cached.get(m.unit_id)?.lastPosition !== String(m.last_position));
  const rows: AssessmentRow[] = [];
  const toLoad: ObjectLiteral[] = [];
  for (const member of stale) {
    const row = fresh.get(rowKey({ unitId: member.unit_id, year: group.year }));
    if (row && row.lastPosition === String(member.last_position)) rows.push(row);
    else toLoad.push({ unitId: member.unit_id, year: group.year });
  }
  for (const row of (await loadRows(manager, assessmentsProjection, toLoad)).values()) if (row) rows.push(row as AssessmentRow);
  const sets = await loadSets(manager, rows);
  for (const row of rows) {
    const scored = scoreAssessment(row, sets.get(`${row.criteriaSetCode}\u0000${row.criteriaSetVersion}`));
    cache.put(key, { lastPosition: String(row.lastPosition), row, scored });
  }
  const entries = [...cache.group(key).values()].sort((a, b) => (a.row.unitId < b.row.unitId ? -1 : a.row.unitId > b.row.unitId ? 1 : 0));
  const scorecards = rankScoredGroup(entries.flatMap((entry) => entry.scored ?? []), groupUpdatedAt(entries.map((entry) => entry.row)));
  await writeGroupScorecards(manager, group, scorecards);
}

/**
 * Rescores and reranks every group an event batch touched (and the group a unit-year left). Only
 * the batch's changed assessments are rescored; the rest of each group comes from the cache.
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
    for (const group of groups.values()) await refreshGroup(manager, cache, group, fresh);
  },
  reset: resetScorecardCache,
};
