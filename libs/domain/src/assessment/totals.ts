import {
  listLeaves,
  rational,
  roundFraction,
  scoreUnit,
  toRational,
  type CriteriaSet,
  type Hundredths,
  type LeafInput,
} from '@par-index/scoring';
import type { AssessmentTotals } from './events';
import type { OpenedAssessment } from './state';

/**
 * The score a hand-scored leaf ends with: the appraisal score; for a deduction leaf the appraisal
 * council did not touch, the unit's own declared deduction (or 0 when none was declared).
 */
export function effectiveAppraisedScore(state: OpenedAssessment, leafCode: string, isDeduction: boolean): Hundredths | undefined {
  const appraised = state.appraisalScores.get(leafCode);
  if (appraised) return appraised.score;
  return isDeduction ? (state.selfScores.get(leafCode)?.score ?? 0) : undefined;
}

/**
 * The totals as published, by libs/scoring's methodology: survey and indicator results converted
 * exactly from their raw values, each part and the total rounded once from unrounded values (so
 * appraised + survey + indicator may differ from total by 0.01).
 */
export function computeTotals(state: OpenedAssessment, set: CriteriaSet): AssessmentTotals {
  const inputs = new Map<string, LeafInput>();
  for (const leaf of listLeaves(set)) {
    if (isMarkedNotApplicable(state, leaf.code)) {
      inputs.set(leaf.code, { notApplicable: true });
      continue;
    }
    const kind = leaf.scoring.kind;
    const score =
      kind === 'appraised' || kind === 'deduction' ? effectiveAppraisedScore(state, leaf.code, kind === 'deduction') : undefined;
    const raw =
      kind === 'survey'
        ? state.surveyResults.get(leaf.code)?.rawValue
        : kind === 'indicator'
          ? state.indicatorResults.get(leaf.code)?.rawValue
          : undefined;
    if (score !== undefined) inputs.set(leaf.code, { appraisedScore: score });
    else if (raw !== undefined) inputs.set(leaf.code, { rawValue: raw });
  }
  const card = scoreUnit(set, inputs);
  const part = (kinds: readonly string[]) => {
    let sum = rational(0);
    for (const source of card.bySource) {
      if (!kinds.includes(source.kind)) continue;
      const exact = toRational(source.exactPoints ?? { num: source.points, den: 1 });
      sum = rational(sum.num * exact.den + exact.num * sum.den, sum.den * exact.den);
    }
    return roundFraction(sum);
  };
  return { appraised: part(['appraisal', 'deduction']), survey: part(['survey']), indicator: part(['indicator']), total: card.total };
}

const isMarkedNotApplicable = (state: OpenedAssessment, leafCode: string) => state.notApplicable.get(leafCode)?.confirmed === true;

/** Leaves still lacking what finalisation needs (leaves marked not applicable need nothing). */
export function missingForFinalisation(
  state: OpenedAssessment,
  set: CriteriaSet,
): { missingAppraisals: string[]; missingResults: string[] } {
  const leaves = listLeaves(set).filter((leaf) => !isMarkedNotApplicable(state, leaf.code));
  return {
    missingAppraisals: leaves.filter((l) => l.scoring.kind === 'appraised' && !state.appraisalScores.has(l.code)).map((l) => l.code),
    missingResults: leaves
      .filter(
        (l) =>
          (l.scoring.kind === 'survey' && !state.surveyResults.has(l.code)) ||
          (l.scoring.kind === 'indicator' && !state.indicatorResults.has(l.code)),
      )
      .map((l) => l.code),
  };
}
