import { convertRawValue, type LeafCriterion } from '@par-index/scoring';
import { fail } from '../shared/domain-error';
import { requireNonEmptyText, requireNonNegativeInteger, TEXT_LIMITS } from '../shared/guards';
import type { FinaliseAppraisal, RecordIndicatorResult, RecordSurveyResult } from './commands';
import { requireLeafApplicable } from './decide-not-applicable';
import type { AssessmentEvent } from './events';
import { requireAppraisalInProgress, requireBoundSet, requireLeaf, requireOpened, requireRawValueInDomain } from './rules';
import type { AssessmentState, OpenedAssessment } from './state';
import { computeTotals, missingForFinalisation } from './totals';

/** Results can be recorded from opening until the appraisal is finalised (again after a reopen). */
function requireResultsOpen(state: OpenedAssessment): OpenedAssessment {
  if (state.status !== 'self_assessment' && state.status !== 'appraisal') {
    fail('APPRAISAL_CLOSED', `results can no longer be recorded (${state.status})`, { status: state.status });
  }
  return state;
}

function requireLeafKind(leaf: LeafCriterion, kind: 'survey' | 'indicator'): void {
  if (leaf.scoring.kind !== kind)
    fail('LEAF_KIND_MISMATCH', `leaf "${leaf.code}" is not a ${kind} leaf`, {
      leafCode: leaf.code,
      kind: leaf.scoring.kind,
      expected: kind,
    });
}

/** A new result for the same leaf supersedes the earlier one; the identical result again is a no-op. */
export function decideRecordSurvey(command: RecordSurveyResult, current: AssessmentState): AssessmentEvent[] {
  const state = requireResultsOpen(requireOpened(current));
  const set = requireBoundSet(state, command.criteriaSet);
  const leaf = requireLeaf(set, command.leafCode);
  requireLeafKind(leaf, 'survey');
  requireLeafApplicable(state, leaf.code);
  const rawValue = requireRawValueInDomain(leaf, command.rawValue);
  const sampleSize = requireNonNegativeInteger(command.sampleSize, 'sampleSize');
  const source = requireNonEmptyText(command.source, 'source', TEXT_LIMITS.source);
  const previous = state.surveyResults.get(leaf.code);
  if (previous && previous.rawValue === rawValue && previous.sampleSize === sampleSize && previous.source === source) return [];
  const survey = leaf.scoring.kind === 'survey' ? leaf.scoring.survey : '';
  return [
    {
      type: 'SurveyResultRecorded',
      data: {
        leafCode: leaf.code,
        survey,
        rawValue,
        sampleSize,
        source,
        points: convertRawValue(leaf, rawValue),
        at: command.context.now,
        by: command.context.actorId,
      },
    },
  ];
}

export function decideRecordIndicator(command: RecordIndicatorResult, current: AssessmentState): AssessmentEvent[] {
  const state = requireResultsOpen(requireOpened(current));
  const set = requireBoundSet(state, command.criteriaSet);
  const leaf = requireLeaf(set, command.leafCode);
  requireLeafKind(leaf, 'indicator');
  requireLeafApplicable(state, leaf.code);
  const rawValue = requireRawValueInDomain(leaf, command.rawValue);
  const source = requireNonEmptyText(command.source, 'source', TEXT_LIMITS.source);
  const previous = state.indicatorResults.get(leaf.code);
  if (previous && previous.rawValue === rawValue && previous.source === source) return [];
  const indicator = leaf.scoring.kind === 'indicator' ? leaf.scoring.indicator : '';
  return [
    {
      type: 'IndicatorResultRecorded',
      data: {
        leafCode: leaf.code,
        indicator,
        rawValue,
        source,
        points: convertRawValue(leaf, rawValue),
        at: command.context.now,
        by: command.context.actorId,
      },
    },
  ];
}

/**
 * Needs: no undecided objection, an appraisal score on every appraised leaf, a result on every
 * survey and indicator leaf. Finalising an already final appraisal is a no-op.
 */
export function decideFinalise(command: FinaliseAppraisal, current: AssessmentState): AssessmentEvent[] {
  const opened = requireOpened(current);
  const set = requireBoundSet(opened, command.criteriaSet);
  if (opened.status === 'appraisal_final') return [];
  const state = requireAppraisalInProgress(opened);
  const pendingObjectionIds = [...state.objections.values()].filter((o) => o.decision === null).map((o) => o.objectionId);
  if (pendingObjectionIds.length > 0)
    fail('OBJECTIONS_PENDING', `${pendingObjectionIds.length} objection(s) await the council's decision`, { pendingObjectionIds });
  const missing = missingForFinalisation(state, set);
  if (missing.missingAppraisals.length > 0 || missing.missingResults.length > 0) {
    fail('APPRAISAL_INCOMPLETE', 'some leaf criteria have no appraisal score or result', missing);
  }
  return [
    { type: 'AppraisalFinalised', data: { totals: computeTotals(state, set), at: command.context.now, by: command.context.actorId } },
  ];
}
