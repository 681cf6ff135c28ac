import type { CriteriaSet } from '@par-index/scoring';
import type { AssessmentRow } from '../../entities/assessment.entity';
import type { CriteriaSetRow } from '../../entities/criteria-set.entity';
import type { ScorecardRow } from '../../entities/scorecard.entity';
import type { UnitRow } from '../../entities/unit.entity';
import { handles, type ProjectedEvent } from '../../runtime/projection';
import { assessmentsProjection } from '../assessments/assessments.projection';
import { criteriaSetsProjection } from '../criteria-sets/criteria-sets.projection';
import { scoreGroup } from '../scorecards/score-group';
import { unitsProjection } from '../units/units.projection';

/** The rows the live read models held once `events` (and nothing later) had been projected. */
export interface ReadModelAsOf {
  units: ReadonlyMap<string, UnitRow>;
  criteriaSets: ReadonlyMap<string, CriteriaSetRow>;
  assessments: ReadonlyMap<string, AssessmentRow>;
  /** the last event folded (null: none) */
  lastEvent: ProjectedEvent | null;
}

const setKey = (code: string, version: number) => `${code}\u0000${version}`;
const assessmentKey = (unitId: string, year: number) => `${unitId}\u0000${year}`;

/**
 * Pure: folds events (in position order) through the very projections the projector runs, in
 * memory. What the read models said at a past moment is this fold of the events up to it, so a
 * time-travelled scorecard is computed exactly as the live one was (same evolve, same scoring).
 */
export function foldReadModelAsOf(events: Iterable<ProjectedEvent>): ReadModelAsOf {
  const units = new Map<string, UnitRow>();
  const criteriaSets = new Map<string, CriteriaSetRow>();
  const assessments = new Map<string, AssessmentRow>();
  let lastEvent: ProjectedEvent | null = null;
  const apply = <Row>(rows: Map<string, Row>, key: string, next: Row | null) => (next === null ? rows.delete(key) : rows.set(key, next));
  for (const event of events) {
    lastEvent = event;
    if (handles(unitsProjection, event)) {
      const key = unitsProjection.keyOf(event).unitId!;
      apply(units, key, unitsProjection.evolve(units.get(key) ?? null, event));
    } else if (handles(criteriaSetsProjection, event)) {
      const { code, version } = criteriaSetsProjection.keyOf(event);
      const key = setKey(code!, version!);
      apply(criteriaSets, key, criteriaSetsProjection.evolve(criteriaSets.get(key) ?? null, event));
    } else if (handles(assessmentsProjection, event)) {
      const { unitId, year } = assessmentsProjection.keyOf(event);
      const key = assessmentKey(unitId!, year!);
      apply(assessments, key, assessmentsProjection.evolve(assessments.get(key) ?? null, event));
    }
  }
  return { units, criteriaSets, assessments, lastEvent };
}

export function assessmentAsOf(state: ReadModelAsOf, unitId: string, year: number): AssessmentRow | undefined {
  return state.assessments.get(assessmentKey(unitId, year));
}

/**
 * The scorecards of one group as the scorecards read model held them then, scored and ranked by
 * libs/scoring. With `visible`, only the assessments it accepts are scored and ranked, among
 * themselves (ranks and group size then say nothing about the others).
 */
export function groupScorecardsAsOf(
  state: ReadModelAsOf,
  group: { year: number; level: string; groupCode: string },
  visible: (row: AssessmentRow) => boolean = () => true,
): ScorecardRow[] {
  const rows = [...state.assessments.values()].filter(
    (row) => row.year === group.year && row.level === group.level && row.groupCode === group.groupCode && visible(row),
  );
  const setOf = (code: string, version: number): CriteriaSet | undefined => state.criteriaSets.get(setKey(code, version))?.criteriaSet;
  return scoreGroup(rows, setOf, state.lastEvent?.metadata.occurredAt ?? '');
}
