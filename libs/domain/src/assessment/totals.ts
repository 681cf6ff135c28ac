import { listLeaves, type CriteriaSet, type Hundredths } from '@par-index/scoring';
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

export function computeTotals(state: OpenedAssessment, set: CriteriaSet): AssessmentTotals {
  let appraised = 0;
  let survey = 0;
  let indicator = 0;
  for (const leaf of listLeaves(set)) {
    if (isMarkedNotApplicable(state, leaf.code)) continue;
    switch (leaf.scoring.kind) {
      case 'appraised':
      case 'deduction':
        appraised += effectiveAppraisedScore(state, leaf.code, leaf.scoring.kind === 'deduction') ?? 0;
        break;
      case 'survey':
        survey += state.surveyResults.get(leaf.code)?.points ?? 0;
        break;
      case 'indicator':
        indicator += state.indicatorResults.get(leaf.code)?.points ?? 0;
        break;
    }
  }
  return { appraised, survey, indicator, total: appraised + survey + indicator };
}

const isMarkedNotApplicable = (state: OpenedAssessment, leafCode: string) => state.notApplicable.get(leafCode)?.confirmed === true;

/** Leaves still lacking what finalisation needs (leaves marked not applicable need nothing). */
export function missingForFinalisation(state: OpenedAssessment, set: CriteriaSet): { missingAppraisals: string[]; missingResults: string[] } {
  const leaves = listLeaves(set).filter((leaf) => !isMarkedNotApplicable(state, leaf.code));
  return {
    missingAppraisals: leaves.filter((l) => l.scoring.kind === 'appraised' && !state.appraisalScores.has(l.code)).map((l) => l.code),
    missingResults: leaves
      .filter((l) => (l.scoring.kind === 'survey' && !state.surveyResults.has(l.code)) || (l.scoring.kind === 'indicator' && !state.indicatorResults.has(l.code)))
      .map((l) => l.code),
  };
}
