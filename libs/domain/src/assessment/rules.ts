import { findLeaf, formatPoints, leafBounds, type CriteriaSet, type Hundredths, type LeafCriterion } from '@par-index/scoring';
import type { ResolvedCriteriaSet } from '../criteria-set/state';
import { fail } from '../shared/domain-error';
import { requireFiniteNumber, requireHundredths, requireNonEmptyId } from '../shared/guards';
import type { AssessmentState, OpenedAssessment } from './state';

export function requireOpened(state: AssessmentState): OpenedAssessment {
  if (state.status === 'not_opened') fail('ASSESSMENT_NOT_OPEN', 'the assessment has not been opened');
  return state;
}

/**
 * The command must carry the version the assessment is bound to. A retired set still serves the
 * assessments bound to it (corrections go on); only opening or moving to a set needs it unretired.
 */
export function requireBoundSet(state: OpenedAssessment, resolved: ResolvedCriteriaSet): CriteriaSet {
  const set = requireResolvedSet(resolved, { allowRetired: true });
  if (set.code !== state.criteriaSetCode || set.version !== state.criteriaSetVersion) {
    fail(
      'CRITERIA_SET_MISMATCH',
      `the assessment is bound to ${state.criteriaSetCode} v${state.criteriaSetVersion}, not ${set.code} v${set.version}`,
      {
        expected: { code: state.criteriaSetCode, version: state.criteriaSetVersion },
        actual: { code: set.code, version: set.version },
      },
    );
  }
  return set;
}

export function requireResolvedSet(resolved: ResolvedCriteriaSet, options: { allowRetired?: boolean } = {}): CriteriaSet {
  if (resolved === null || typeof resolved !== 'object' || resolved.set === null || typeof resolved.set !== 'object') {
    fail('VALIDATION_FAILED', 'criteriaSet must be a resolved published criteria set', { field: 'criteriaSet' });
  }
  if (resolved.retired && !options.allowRetired)
    fail('CRITERIA_SET_RETIRED', `criteria set "${resolved.set.code}" is retired`, { code: resolved.set.code });
  return resolved.set;
}

export function requireLeaf(set: CriteriaSet, leafCode: unknown): LeafCriterion {
  const code = requireNonEmptyId(leafCode, 'leafCode');
  const leaf = findLeaf(set, code);
  if (!leaf) fail('LEAF_NOT_FOUND', `no leaf "${code}" in ${set.code} v${set.version}`, { leafCode: code });
  return leaf;
}

/** Self- and appraisal scores exist for appraised and deduction leaves; surveys and indicators have results. */
export function requireScoredByHand(leaf: LeafCriterion): LeafCriterion {
  if (leaf.scoring.kind !== 'appraised' && leaf.scoring.kind !== 'deduction') {
    fail('LEAF_KIND_MISMATCH', `leaf "${leaf.code}" is scored from a ${leaf.scoring.kind} result`, {
      leafCode: leaf.code,
      kind: leaf.scoring.kind,
    });
  }
  return leaf;
}

export function requireScoreWithinBounds(leaf: LeafCriterion, score: unknown, field: string): Hundredths {
  const value = requireHundredths(score, field);
  const { min, max } = leafBounds(leaf);
  if (value > max)
    fail('SCORE_ABOVE_MAXIMUM', `${field} ${formatPoints(value)} exceeds the maximum ${formatPoints(max)} points of leaf "${leaf.code}"`, {
      leafCode: leaf.code,
      score: value,
      max,
    });
  if (value < min)
    fail('SCORE_BELOW_FLOOR', `${field} ${formatPoints(value)} is below the floor ${formatPoints(min)} points of leaf "${leaf.code}"`, {
      leafCode: leaf.code,
      score: value,
      min,
    });
  return value;
}

/** Appraisal, objections and their decisions happen only between submission and finalisation. */
export function requireAppraisalInProgress(state: OpenedAssessment): OpenedAssessment {
  if (state.status === 'self_assessment') fail('APPRAISAL_NOT_STARTED', 'the self-assessment has not been submitted');
  if (state.status !== 'appraisal') fail('APPRAISAL_CLOSED', `the appraisal is closed (${state.status})`, { status: state.status });
  return state;
}

/** Survey results are percentages; indicator values must stay within what a float holds exactly enough. */
export const RAW_VALUE_DOMAIN = { survey: { min: 0, max: 100 }, indicator: { min: -1e9, max: 1e9 } } as const;

/** Refused, never clamped: a raw value outside its leaf's domain is a data-entry mistake. */
export function requireRawValueInDomain(leaf: LeafCriterion, rawValue: unknown): number {
  const value = requireFiniteNumber(rawValue, 'rawValue');
  const kind = leaf.scoring.kind === 'survey' ? 'survey' : 'indicator';
  const { min, max } = RAW_VALUE_DOMAIN[kind];
  if (value < min || value > max) {
    const what = kind === 'survey' ? 'a survey result is a percentage' : 'an indicator value';
    fail('VALIDATION_FAILED', `rawValue ${value} of leaf "${leaf.code}" is outside ${min}..${max} (${what})`, {
      field: 'rawValue',
      leafCode: leaf.code,
      value,
      min,
      max,
    });
  }
  return value;
}
