import type { CriteriaSet } from '@par-index/scoring';
import type { EntityManager } from 'typeorm';
import { AssessmentEntity, type AssessmentRow } from '../../entities/assessment.entity';
import { CriteriaSetEntity } from '../../entities/criteria-set.entity';
import { ScorecardEntity } from '../../entities/scorecard.entity';
import type { DerivedReadModel } from '../../runtime/apply-batch';
import type { ProjectedEvent } from '../../runtime/projection';
import { ASSESSMENT_PROJECTION_EVENT_TYPES, assessmentKeyOf } from '../assessments/assessments.projection';
import { scoreGroup } from './score-group';

interface GroupKey {
  year: number;
  level: string;
  groupCode: string;
}

async function touchedGroups(manager: EntityManager, events: readonly ProjectedEvent[]): Promise<GroupKey[]> {
  const groups = new Map<string, GroupKey>();
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.streamName)) continue;
    seen.add(event.streamName);
    const row = await manager.getRepository(AssessmentEntity).findOneBy(assessmentKeyOf(event.streamName));
    if (row) groups.set(`${row.year}|${row.level}|${row.groupCode}`, { year: row.year, level: row.level, groupCode: row.groupCode });
  }
  return [...groups.values()];
}

async function loadSets(manager: EntityManager, assessments: readonly AssessmentRow[]): Promise<Map<string, CriteriaSet>> {
  const sets = new Map<string, CriteriaSet>();
  for (const { criteriaSetCode: code, criteriaSetVersion: version } of assessments) {
    const key = `${code}@${version}`;
    if (sets.has(key)) continue;
    const row = await manager.getRepository(CriteriaSetEntity).findOneBy({ code, version });
    if (row) sets.set(key, row.criteriaSet);
  }
  return sets;
}

/** Rescores and reranks every group an event batch touched, replacing the group's scorecards. */
export const scorecardsReadModel: DerivedReadModel = {
  name: 'scorecards',
  eventTypes: ASSESSMENT_PROJECTION_EVENT_TYPES,
  async refresh(manager, events) {
    for (const group of await touchedGroups(manager, events)) {
      const assessments = await manager.getRepository(AssessmentEntity).findBy({ ...group });
      const sets = await loadSets(manager, assessments);
      // the group's own last change, not the batch's: the same log gives the same rows however it is batched
      const updatedAt = assessments.reduce((latest, a) => (a.lastEventAt > latest ? a.lastEventAt : latest), '');
      const scorecards = scoreGroup(assessments, (code, version) => sets.get(`${code}@${version}`), updatedAt);
      await manager.getRepository(ScorecardEntity).delete({ ...group });
      if (scorecards.length > 0) await manager.getRepository(ScorecardEntity).insert(scorecards);
    }
  },
};
